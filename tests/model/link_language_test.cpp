// The type errors of expressions (model::infer_type, SL0301 in sightc) in the
// reader's language, through the program's catalogues (po/sightline-es.po,
// compiled into <build>/share/locale). Operators and type names stay as the
// author writes them; English stays byte for byte what it was. Each doctest
// case runs in its own process under CTest, so the binding stays here.
#include "i18n/i18n.hpp"
#include "model/link.hpp"
#include "support/program_catalogues.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace sightline;

namespace {

bool spanish_catalogue() {
    return std::filesystem::exists(std::filesystem::path(SIGHTLINE_BINARY_DIR) / "share" /
                                   "locale" / "es" / "LC_MESSAGES" / "sightline.mo");
}

model::Op push(model::OpCode code, std::int64_t number = 0, std::string name = {}) {
    return model::Op{code, number, std::move(name), model::kNoIndex};
}

// Why `ops` is not well-typed, with `count` an int variable and `name` a node.
std::string error_of(std::vector<model::Op> ops) {
    const model::Expr expr{std::move(ops), "source"};
    const model::TypeResult result = model::infer_type(
        expr,
        [](std::string_view variable) -> std::optional<model::ValueType> {
            if (variable == "count") {
                return model::ValueType::Integer;
            }
            return std::nullopt;
        },
        [](std::string_view node) { return node == "desk"; });
    return result.type ? "(well-typed)" : result.error;
}

using model::OpCode;

// One expression for each kind of type error, and the error of each.
std::vector<std::string> every_error() {
    return {
        error_of(
            {push(OpCode::LoadVar, 0, "count"), push(OpCode::PushBool, 1), push(OpCode::Equal)}),
        error_of({push(OpCode::LoadVar, 0, "count"), push(OpCode::PushString, 0, "x"),
                  push(OpCode::Less)}),
        error_of({push(OpCode::LoadVar, 0, "count"), push(OpCode::PushString, 0, "x"),
                  push(OpCode::Add)}),
        error_of({push(OpCode::PushBool, 1), push(OpCode::LoadVar, 0, "count"), push(OpCode::And)}),
        error_of({push(OpCode::LoadVar, 0, "count"), push(OpCode::PushBool, 1), push(OpCode::Or)}),
        error_of({push(OpCode::LoadVar, 0, "count"), push(OpCode::Not)}),
        error_of({push(OpCode::PushBool, 0), push(OpCode::Negate)}),
        error_of({push(OpCode::LoadVar, 0, "nope")}),
        error_of({push(OpCode::Visits, 0, "nowhere")}),
        error_of({push(OpCode::And)}),
    };
}

} // namespace

TEST_CASE("type errors in expressions are explained in Spanish, and in English as before") {
    REQUIRE_MESSAGE(spanish_catalogue(), "build the program-translations target first");
    test::bind_program_catalogues();
    std::vector<std::string> spanish;
    {
        const i18n::LanguageScope scope("es");
        spanish = every_error();
    }
    CHECK(spanish == std::vector<std::string>{
                         "no se puede comparar int con bool",
                         "una comparaci\u00F3n de orden necesita int a ambos lados, pero recibe "
                         "int y string",
                         "una operaci\u00F3n aritm\u00E9tica necesita int a ambos lados, pero "
                         "recibe int y string",
                         "'and' necesita bool a ambos lados, pero recibe bool y int",
                         "'or' necesita bool a ambos lados, pero recibe int y bool",
                         "'not' necesita bool, pero recibe int",
                         "'-' necesita int, pero recibe bool",
                         "variable no declarada 'nope'",
                         "visits() de un nodo desconocido 'nowhere'",
                         "expresi\u00F3n mal formada",
                     });
    CHECK(every_error() == std::vector<std::string>{
                               "cannot compare int with bool",
                               "ordering comparison needs int on both sides, got int and string",
                               "arithmetic needs int on both sides, got int and string",
                               "'and' needs bool on both sides, got bool and int",
                               "'or' needs bool on both sides, got int and bool",
                               "'not' needs bool, got int",
                               "'-' needs int, got bool",
                               "undeclared variable 'nope'",
                               "visits() of unknown node 'nowhere'",
                               "malformed expression",
                           });
}
