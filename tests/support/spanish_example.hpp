// The FORMAT.md example with a Spanish translation of most of its text, made
// by hand as `sightc build --po` would merge it (model::Translation, keyed by
// stable id paths; content/FORMAT.md, "Translations"). The objectives and a
// few other strings are left untranslated, so they show in English.
// Header-only: every suite that links sightline_test_support can use it.
#pragma once

#include "model/model.hpp"
#include "support/scenario_fixtures.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace sightline::test {

// Spanish for the example's key paths.
inline const std::vector<std::pair<std::string, std::string>>& spanish_example_texts() {
    static const std::vector<std::pair<std::string, std::string>> texts = {
        {"course.hotel-example:title", "Curso de ejemplo: hotel"},
        {"course.hotel-example:description", "Un turno corto en la recepci\u00F3n."},
        {"course.hotel-example:closing.1",
         "Notar estas se\u00F1ales puede afectarte. Habla con tu gerente o con el programa de "
         "ayuda al empleado."},
        {"role.hotel:name", "Personal de hoteles y moteles"},
        {"dimension.recognition:name", "Reconocimiento"},
        {"tier.best:name", "Mejor respuesta"},
        {"outcome.reported-safely:name", "Comunicado de forma segura"},
        {"hotel.example:title", "El registro tard\u00EDo"},
        {"hotel.example:content-note", "Una hu\u00E9sped joven puede estar controlada por un "
                                       "acompa\u00F1ante mayor. No se muestra violencia."},
        {"hotel.example:node.desk:line.1",
         "Es casi medianoche. Un hombre pide una habitaci\u00F3n para una noche y paga en "
         "efectivo. Una mujer joven est\u00E1 detr\u00E1s de \u00E9l."},
        {"hotel.example:node.desk:line.2:speaker", "Hu\u00E9sped"},
        {"hotel.example:node.desk:line.2", "Solo una llave. Ella no la necesita."},
        {"hotel.example:node.desk:choice.log-and-tell:text",
         "Termina el registro con normalidad; despu\u00E9s anota lo que viste y avisa al "
         "gerente."},
        {"hotel.example:node.desk:choice.log-and-tell:feedback",
         "Mantuviste a todos a salvo y lo comunicaste por el canal correcto."},
        {"hotel.example:node.desk:choice.ask-her:text",
         "Pregunta directamente a la joven si est\u00E1 bien."},
        {"hotel.example:node.desk:choice.ignore:text", "Entrega la llave. No es asunto tuyo."},
        {"hotel.example:node.check-signs:check.prompt",
         "\u00BFCu\u00E1les de estas son posibles se\u00F1ales de control?"},
        {"hotel.example:node.check-signs:option.id:text",
         "\u00C9l ten\u00EDa la identificaci\u00F3n de ella."},
        {"hotel.example:node.check-signs:option.answers:text",
         "Ella dej\u00F3 que \u00E9l respondiera a todas las preguntas."},
        {"hotel.example:node.check-signs:option.cash:text", "\u00C9l pag\u00F3 en efectivo."},
        {"hotel.example:node.reported:line.1",
         "El gerente te da las gracias y llama a la l\u00EDnea de ayuda con tus notas."},
    };
    return texts;
}

// The Spanish text at `key` (a key of spanish_example_texts()).
inline const std::string& spanish_example_text(const std::string& key) {
    for (const auto& entry : spanish_example_texts()) {
        if (entry.first == key) {
            return entry.second;
        }
    }
    static const std::string none;
    return none;
}

// format_example() with the translation "es" (texts sorted by key).
inline model::Bundle spanish_example() {
    model::Bundle bundle = format_example();
    model::Translation es;
    es.language = "es";
    for (const auto& entry : spanish_example_texts()) {
        es.texts.push_back({entry.first, entry.second});
    }
    std::sort(es.texts.begin(), es.texts.end(),
              [](const model::TranslatedText& a, const model::TranslatedText& b) {
                  return a.key < b.key;
              });
    bundle.translations = {std::move(es)};
    return bundle;
}

// The same bundle, kept for the process (a Learning or a run may refer to it).
inline const model::Bundle& spanish_example_bundle() {
    static const model::Bundle bundle = spanish_example();
    return bundle;
}

} // namespace sightline::test
