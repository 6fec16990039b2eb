#include "gui/app.hpp"

#include "gui/renderer.hpp"
#include "gui/screenshot.hpp"
#include "i18n/i18n.hpp"
#include "records/organisation_store.hpp"
#include "records/paths.hpp"
#include "records/records.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>

namespace sightline::gui {

namespace {

std::string g_glfw_error; // the last GLFW error, for the one-line explanation

void on_glfw_error(int, const char* description) {
    g_glfw_error = description != nullptr ? description : "unknown GLFW error";
}

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::string read_text(const std::filesystem::path& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

App::App(const GuiOptions& options, const cli::Environment& env)
    : options_(options), env_(env), headless_(!options.screenshot.empty() || options.hidden) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
        throw StartError(true, "no display (DISPLAY and WAYLAND_DISPLAY are not set)");
    }

    // The player's own text: the catalogues beside the program (bin/../share/locale).
    // tools/sightline's main binds them too; binding again is harmless, and the
    // window then works the same when it is started on its own (tests).
    i18n::bind(i18n::default_locale_dir(env_.executable));

    // The courses.
    auto start = std::chrono::steady_clock::now();
    const std::filesystem::path bundle_path = options_.bundle.empty()
                                                  ? cli::default_bundle_path(env_.executable)
                                                  : std::filesystem::path(options_.bundle);
    try {
        bundle_ = bundle::read_bundle_file(bundle_path);
    } catch (const bundle::BundleError& e) {
        throw StartError(false, e.what());
    }
    times_.bundle = ms_since(start);

    // The records.
    start = std::chrono::steady_clock::now();
    std::filesystem::path data;
    try {
        data = options_.data_dir.empty() ? records::default_data_dir()
                                         : std::filesystem::path(options_.data_dir);
        if (options_.records.empty()) {
            store_ = records::open_store(data);
        } else {
            store_ = records::open_organisation_store(options_.records, data);
        }
    } catch (const records::RecordsError& e) {
        throw StartError(false, e.what());
    }
    // Certificates go beside the records; the provider's key is looked up
    // in the config directory when one is issued.
    ui::PlayerOptions player_options;
    player_options.certificates_dir = data / "certificates";
    player_options.seed = options_.seed;
    player_options.language = options_.language;
    player_options.phone_address = options_.listen_address;
    player_options.phone_port = options_.listen_port;
    player_options.phone_page_dir = cli::default_phone_page_dir(env_.executable);
    // From the phone server's threads: glfwPostEmptyEvent is the one GLFW
    // call that may be made from any thread, and it wakes glfwWaitEvents*.
    player_options.wake = [] { glfwPostEmptyEvent(); };
    player_ = std::make_unique<ui::Player>(bundle_.model, learning::bundle_info(bundle_), *store_,
                                           std::move(player_options));
    times_.store = ms_since(start);

    // Settings: the file, then the command line over it. Screenshots ignore the file.
    if (!headless_) {
        try {
            settings_path_ = records::default_config_dir() / "settings.json";
            bool ok = false;
            const std::string text = read_text(settings_path_, ok);
            if (ok) {
                settings_ = ui::parse_settings(text);
            }
        } catch (const records::RecordsError&) {
            settings_path_.clear(); // no home directory: settings are not kept
        }
    }
    if (options_.theme) {
        settings_.theme = *options_.theme;
    }
    if (options_.scale) {
        settings_.text_scale = *options_.scale;
    }
    if (options_.width && options_.height) {
        settings_.window_width = *options_.width;
        settings_.window_height = *options_.height;
    }

    // The window.
    start = std::chrono::steady_clock::now();
    // Without a GPU, Mesa draws with llvmpipe, which by default hands every
    // frame to one worker thread per core. Our frames are small and drawn
    // only when the learner acts, so the hand-offs cost more CPU than they
    // save (about 0.8 ms of 5 per 1920x1080 frame; BENCHMARKS.md). One
    // thread it is, unless the user chose otherwise; other drivers ignore it.
    ::setenv("LP_NUM_THREADS", "0", /*overwrite=*/0);
    glfwSetErrorCallback(on_glfw_error);
    if (glfwInit() == GLFW_FALSE) {
        throw StartError(true, "cannot open a window: " + g_glfw_error);
    }
    glfw_ready_ = true;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, headless_ ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // The UI is flat and drawn in order: no depth or stencil buffer. Without
    // one llvmpipe also skips their per-tile work (about 7% of a frame).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    window_ = glfwCreateWindow(settings_.window_width, settings_.window_height, "Sightline",
                               nullptr, nullptr);
    if (window_ == nullptr) {
        throw StartError(true, "cannot open a window: " + g_glfw_error);
    }
    glfwSetWindowSizeLimits(window_, 320, 240, GLFW_DONT_CARE, GLFW_DONT_CARE);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(headless_ ? 0 : 1);
    // A move to a monitor with another scale wakes the loop like any event;
    // frame() then sees the new content scale and rebuilds the fonts.

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imgui_ready_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // no imgui.ini: our settings live in settings.json
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false; // no animation, so no timer to wake us
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    try {
        renderer_ = std::make_unique<Renderer>();
    } catch (const std::runtime_error& e) {
        throw StartError(true, e.what());
    }
    io.BackendRendererName = "sightline_gl3";
    // Thick lines as geometry, not as strips of the atlas: the renderer samples
    // the atlas with nearest filtering, which suits glyphs but not those strips.
    io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;
    if (renderer_->has_vertex_offset()) {
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    }
    times_.window = ms_since(start);

    // Fonts, with glyphs for every character of the courses.
    start = std::chrono::steady_clock::now();
    font_data_ = ui::load_font_data(ui::default_font_dirs(env_.executable));
    if (!font_data_.found()) {
        env_.err << "sightline: DejaVu Sans not found (install fonts-dejavu-core); using the "
                    "built-in font, which shows only ASCII\n";
    }
    ranges_ = ui::glyph_ranges(ui::bundle_text(bundle_.model));
    rebuild_fonts();
    times_.fonts = ms_since(start);
    dirty_frames_ = 3;
}

App::~App() {
    player_.reset(); // stops a classroom's phone server, whose threads wake GLFW
    projector_.reset();
    if (imgui_ready_) {
        renderer_.reset(); // its GL objects go before the context does
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_ != nullptr) {
        glfwDestroyWindow(window_);
    }
    if (glfw_ready_) {
        glfwTerminate();
    }
}

void App::rebuild_fonts() {
    float x = 1.0f;
    float y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    content_scale_ = headless_ ? 1.0f : std::max(1.0f, y);
    const float scale = static_cast<float>(settings_.text_scale) / 100.0f * content_scale_;
    ImGuiIO& io = ImGui::GetIO();
    view_.fonts = ui::build_fonts(*io.Fonts, font_data_, ranges_, scale);
    view_.theme = settings_.theme;
    ImGui::GetStyle() = ui::make_style(settings_.theme, scale);
    renderer_->upload_fonts(*io.Fonts);
    fonts_dirty_ = false;
    player_->screen().theme = settings_.theme;
    player_->screen().text_scale = settings_.text_scale;
    if (projector_) {
        projector_->restyle(settings_.theme, settings_.text_scale);
    }
}

void App::toggle_projector() {
    ui::Screen& screen = player_->screen();
    if (projector_) {
        projector_.reset();
    } else if (screen.id == ui::ScreenId::Classroom) {
        try {
            projector_ = std::make_unique<ProjectorWindow>(font_data_, ranges_, headless_);
            projector_->restyle(settings_.theme, settings_.text_scale);
        } catch (const std::runtime_error& e) {
            screen.classroom.error = std::string(e.what()) + ": " + g_glfw_error;
        }
    }
    screen.classroom.projector_window = projector_ != nullptr;
}

void App::projector_frame(bool present) {
    if (!projector_) {
        return;
    }
    if (player_->screen().id != ui::ScreenId::Classroom || projector_->close_requested()) {
        toggle_projector(); // closes it
        dirty_frames_ = std::max(dirty_frames_, 2);
        return;
    }
    projector_->frame(player_->screen(), present);
}

void App::save_settings() {
    if (headless_ || settings_path_.empty()) {
        return;
    }
    if (!glfwGetWindowAttrib(window_, GLFW_MAXIMIZED) &&
        !glfwGetWindowAttrib(window_, GLFW_ICONIFIED)) {
        int w = 0;
        int h = 0;
        glfwGetWindowSize(window_, &w, &h);
        // Kept unscaled: GLFW_SCALE_TO_MONITOR scales it again at the next start.
        w = static_cast<int>(static_cast<float>(w) / content_scale_);
        h = static_cast<int>(static_cast<float>(h) / content_scale_);
        if (w >= 320 && h >= 240) {
            settings_.window_width = w;
            settings_.window_height = h;
        }
    }
    try {
        records::ensure_private_dir(settings_path_.parent_path());
        records::write_private_file(settings_path_, ui::settings_json(settings_));
    } catch (const records::RecordsError& e) {
        env_.err << "sightline: settings not saved: " << e.what() << "\n";
        settings_path_.clear(); // say it once
    }
}

void App::apply(const ui::Intent& intent) {
    switch (intent.kind) {
    case ui::IntentKind::ScaleUp:
    case ui::IntentKind::ScaleDown:
    case ui::IntentKind::SetScale: {
        const int scale =
            intent.kind == ui::IntentKind::ScaleUp     ? ui::scale_up(settings_.text_scale)
            : intent.kind == ui::IntentKind::ScaleDown ? ui::scale_down(settings_.text_scale)
                                                       : ui::clamp_scale(intent.scale);
        if (scale != settings_.text_scale) {
            settings_.text_scale = scale;
            fonts_dirty_ = true;
            save_settings();
        }
        break;
    }
    case ui::IntentKind::SetTheme:
        if (intent.theme != settings_.theme) {
            settings_.theme = intent.theme;
            fonts_dirty_ = true; // the style is rebuilt with the fonts
            save_settings();
        }
        break;
    case ui::IntentKind::Quit:
        glfwSetWindowShouldClose(window_, GLFW_TRUE);
        break;
    case ui::IntentKind::ToggleProjector:
        toggle_projector();
        break;
    default:
        player_->apply(intent);
        break;
    }
    dirty_frames_ = std::max(dirty_frames_, 3);
}

void App::press(const ui::KeyPress& key) {
    key_down_ = key;
}

void App::frame(bool present) {
    float x = 1.0f;
    float y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    if (!headless_ && std::max(1.0f, y) != content_scale_) {
        fonts_dirty_ = true;
    }
    if (fonts_dirty_) {
        rebuild_fonts();
    }
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (headless_) {
        io.DeltaTime = 1.0f / 60.0f; // identical frames, run after run
        io.MousePos = {-FLT_MAX, -FLT_MAX};
    }
    if (key_up_) {
        io.KeysDown[key_up_->key] = false;
        io.KeyCtrl = false;
        io.KeyShift = false;
        key_up_.reset();
    }
    if (key_down_) {
        io.KeysDown[key_down_->key] = true;
        io.KeyCtrl = key_down_->ctrl;
        io.KeyShift = key_down_->shift;
        key_up_ = key_down_;
        key_down_.reset();
    }
    const double c0 = cpu_ms();
    ImGui::NewFrame();
    player_->tick();
    const ui::Intent intent = ui::draw(player_->screen(), view_);
    ImGui::Render();
    const double c1 = cpu_ms();

    int fb_w = 0;
    int fb_h = 0;
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ui::palette(settings_.theme).background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    renderer_->smooth_glyphs(ui::scales_glyphs(player_->screen()));
    renderer_->render(*ImGui::GetDrawData(), fb_w, fb_h);
    const double c2 = cpu_ms();
    if (present) {
        glfwSwapBuffers(window_);
    }
    frame_times_ = {c1 - c0, c2 - c1, cpu_ms() - c2};
    projector_frame(present);
    if (intent) {
        apply(intent);
    }
}

int App::run() {
    while (!glfwWindowShouldClose(window_)) {
        if (dirty_frames_ > 0) {
            glfwPollEvents();
        } else if (player_->reading_paced()) {
            glfwWaitEventsTimeout(0.1); // the paced-play cue fills while nothing happens
            dirty_frames_ = 1;
        } else if (player_->phones_live()) {
            // Phones wake the loop when they join or vote; the lobby's count
            // is announced to them at most once a second, so look again then.
            glfwWaitEventsTimeout(1.0);
            dirty_frames_ = 1;
        } else if (player_->records_shared()) {
            glfwWaitEventsTimeout(2.0); // to show or clear the offline line
            dirty_frames_ = 1;
        } else {
            glfwWaitEvents();  // sleeps until the learner does something
            dirty_frames_ = 2; // ImGui settles hover and layout over a frame or two
        }
        frame();
        --dirty_frames_;
    }
    save_settings();
    return 0;
}

int App::screenshot() {
    ui::Script script;
    if (!options_.script.empty()) {
        bool ok = false;
        const std::string text = read_text(options_.script, ok);
        if (!ok) {
            env_.err << "sightline: cannot read the script " << options_.script << "\n";
            return cli::kExitUsage;
        }
        script = ui::parse_script(text);
        if (!script.error.empty()) {
            env_.err << "sightline: " << options_.script << ": " << script.error << "\n";
            return cli::kExitUsage;
        }
    }
    // Frame 0 differs from later ones (windows appear): settle first.
    for (int i = 0; i < 3; ++i) {
        glfwPollEvents();
        frame();
    }
    for (const ui::ScriptStep& step : script.steps) {
        if (step.on_projector) {
            if (!projector_) {
                env_.err << "sightline: " << options_.script << ": line " << step.line
                         << ": the projector window is not open\n";
                return cli::kExitUsage;
            }
            const int key = ui::key_for_name(step.key, view_.keys)->key;
            projector_->send_key(key, true);
            glfwPollEvents();
            frame();
            projector_->send_key(key, false);
        } else if (!step.key.empty()) {
            press(*ui::key_for_name(step.key, view_.keys));
        } else {
            apply(step.intent);
        }
        for (int i = 0; i < 3; ++i) {
            glfwPollEvents();
            frame();
        }
    }
    for (int i = 0; i < 3; ++i) {
        glfwPollEvents();
        frame(i < 2); // the last frame stays in the back buffer to be read
    }
    std::string error;
    if (!write_png(options_.screenshot, error)) {
        env_.err << "sightline: " << error << "\n";
        return cli::kExitUsage;
    }
    if (projector_) { // OUT.png's projector window beside it, as OUT-projector.png
        std::filesystem::path projector_png = options_.screenshot;
        projector_png.replace_filename(projector_png.stem().string() + "-projector.png");
        if (!projector_->write_png(projector_png, error)) {
            env_.err << "sightline: " << error << "\n";
            return cli::kExitUsage;
        }
    }
    return 0;
}

bool App::write_png(const std::filesystem::path& path, std::string& error) const {
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return write_back_buffer_png(path, w, h, error);
}

} // namespace sightline::gui
