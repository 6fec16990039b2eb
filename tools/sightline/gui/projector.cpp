#include "gui/projector.hpp"

#include "gui/renderer.hpp"
#include "gui/screenshot.hpp"
#include "i18n/i18n.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <cfloat>
#include <imgui.h>
#include <stdexcept>

namespace sightline::gui {

class ProjectorWindow::Current {
  public:
    Current(GLFWwindow* window, ImGuiContext* imgui)
        : gl_(glfwGetCurrentContext()), imgui_(ImGui::GetCurrentContext()) {
        glfwMakeContextCurrent(window);
        if (imgui != nullptr) {
            ImGui::SetCurrentContext(imgui);
        }
    }
    ~Current() {
        glfwMakeContextCurrent(gl_);
        ImGui::SetCurrentContext(imgui_);
    }
    Current(const Current&) = delete;
    Current& operator=(const Current&) = delete;

  private:
    GLFWwindow* gl_;
    ImGuiContext* imgui_;
};

namespace {

// The projector's keys, as if pressed in the main window: events are handled
// in glfwPollEvents/glfwWaitEvents, while the main window's ImGui context is
// current, so the backend's own key callback records them there.
void forward_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

} // namespace

ProjectorWindow::ProjectorWindow(const ui::FontData& fonts, const std::vector<ImWchar>& ranges,
                                 bool hidden)
    : font_data_(fonts), ranges_(ranges) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* screen = nullptr;
    for (int i = 0; i < count && !hidden; ++i) {
        if (monitors[i] != glfwGetPrimaryMonitor()) {
            screen = monitors[i];
            break;
        }
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, hidden ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    // A full-screen window that loses the focus to the presenter's window
    // must stay on the projector, not minimise.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    // TRANSLATORS: the projector window's title.
    const std::string title = i18n::tr("Sightline \u2014 projector");
    if (screen != nullptr) {
        const GLFWvidmode* mode = glfwGetVideoMode(screen);
        window_ = glfwCreateWindow(mode->width, mode->height, title.c_str(), screen, nullptr);
        full_screen_ = window_ != nullptr;
    }
    if (window_ == nullptr) {
        window_ = glfwCreateWindow(1280, 720, title.c_str(), nullptr, nullptr);
    }
    glfwDefaultWindowHints();
    if (window_ == nullptr) {
        throw std::runtime_error(i18n::tr("the projector window could not be opened"));
    }
    glfwSetKeyCallback(window_, forward_key);

    ImFontAtlas* no_shared_atlas = nullptr;
    ImGuiContext* main = ImGui::GetCurrentContext();
    imgui_ = ImGui::CreateContext(no_shared_atlas);
    ImGui::SetCurrentContext(main); // CreateContext made the new one current
    const Current current(window_, imgui_);
    glfwSwapInterval(0); // the main window waits for the vertical blank; one wait a frame
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendRendererName = "sightline_gl3";
    io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;
    try {
        renderer_ = std::make_unique<Renderer>();
    } catch (...) {
        ImGui::DestroyContext(imgui_);
        glfwDestroyWindow(window_);
        throw;
    }
    if (renderer_->has_vertex_offset()) {
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    }
    rebuild_fonts();
}

ProjectorWindow::~ProjectorWindow() {
    {
        const Current current(window_, imgui_);
        renderer_.reset(); // its GL objects go before the context does
    }
    ImGui::DestroyContext(imgui_);
    glfwDestroyWindow(window_);
}

void ProjectorWindow::rebuild_fonts() {
    float x = 1.0f;
    float y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    content_scale_ = std::max(1.0f, y);
    const float scale = static_cast<float>(text_scale_) / 100.0f * content_scale_;
    ImGuiIO& io = ImGui::GetIO();
    view_.fonts = ui::build_fonts(*io.Fonts, font_data_, ranges_, scale);
    view_.theme = theme_;
    ImGui::GetStyle() = ui::make_style(theme_, scale);
    renderer_->upload_fonts(*io.Fonts);
    // The audience view's type is always enlarged: sample the glyphs smoothly.
    renderer_->smooth_glyphs(true);
}

void ProjectorWindow::restyle(ui::Theme theme, int text_scale) {
    if (theme == theme_ && text_scale == text_scale_) {
        return;
    }
    theme_ = theme;
    text_scale_ = text_scale;
    const Current current(window_, imgui_);
    rebuild_fonts();
}

void ProjectorWindow::frame(ui::Screen& screen, bool present) {
    const Current current(window_, imgui_);
    float x = 1.0f;
    float y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    if (std::max(1.0f, y) != content_scale_) {
        rebuild_fonts(); // moved to a monitor of another scale
    }
    int w = 0;
    int h = 0;
    glfwGetWindowSize(window_, &w, &h);
    int fb_w = 0;
    int fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {static_cast<float>(w), static_cast<float>(h)};
    io.DisplayFramebufferScale = {w > 0 ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0f,
                                  h > 0 ? static_cast<float>(fb_h) / static_cast<float>(h) : 1.0f};
    io.DeltaTime = 1.0f / 60.0f; // nothing on it moves with time
    io.MousePos = {-FLT_MAX, -FLT_MAX};
    ImGui::NewFrame();
    ui::draw_projector(screen, view_);
    ImGui::Render();
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ui::palette(theme_).background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_->render(*ImGui::GetDrawData(), fb_w, fb_h);
    if (present) {
        glfwSwapBuffers(window_);
    }
}

void ProjectorWindow::send_key(int key, bool down) const {
    const GLFWkeyfun registered = glfwSetKeyCallback(window_, nullptr);
    glfwSetKeyCallback(window_, registered);
    if (registered != nullptr) {
        registered(window_, key, 0, down ? GLFW_PRESS : GLFW_RELEASE, 0);
    }
}

bool ProjectorWindow::close_requested() const {
    return glfwWindowShouldClose(window_) == GLFW_TRUE;
}

bool ProjectorWindow::write_png(const std::filesystem::path& path, std::string& error) const {
    const Current current(window_, nullptr);
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return write_back_buffer_png(path, w, h, error);
}

} // namespace sightline::gui
