// The word lists behind `sightc lint` (lint.hpp), kept in one place so reviewers
// can read and change them without touching the gates. content/diagnostics.md
// (SL0501, SL0503, SL0506) explains how each list is used.
//
// Sources: ../shared/reference/indicators.md, "Standard contacts" (the numbers,
// exactly as written there) and §3.3 "Victim-centered and trauma-informed
// language" (the terms to avoid).
#pragma once

#include <array>
#include <string_view>

namespace sightline::content::lint_terms {

// A term that must not appear outside a node marked `teaches: TERM`. Matching
// ignores case and punctuation between words ("Lot-lizard" matches "lot
// lizard") and accepts a plural ending on the last word ("lot lizards").
struct BannedTerm {
    std::string_view term;
    std::string_view instead; // what to write instead, for the message
};

inline constexpr std::array kBannedTerms = {
    // No such thing: a minor in commercial sex is a victim of trafficking.
    BannedTerm{"child prostitute", "a child who is being sexually exploited"},
    BannedTerm{"teen prostitute", "a teen who is being sexually exploited"},
    BannedTerm{"underage prostitute", "a minor who is being sexually exploited"},
    BannedTerm{"child prostitution", "child sex trafficking"},
    BannedTerm{"underage sex worker", "a minor who is being sexually exploited"},
    BannedTerm{"child sex worker", "a child who is being sexually exploited"},
    // Slurs for people who sell sex or may be trafficked.
    BannedTerm{"prostitute", "a person who sells sex, or a person who may be trafficked"},
    BannedTerm{"lot lizard", "a person on the lot"},
    BannedTerm{"hooker", "a person who sells sex"},
    BannedTerm{"whore", "a person who sells sex"},
    BannedTerm{"jailbait", "a minor"},
    BannedTerm{"barely legal", "a young adult, or a minor if that is what you mean"},
    // Dehumanising words about immigration status (which is never a sign).
    BannedTerm{"illegal alien", "a person without immigration papers"},
    BannedTerm{"illegal immigrant", "a person without immigration papers"},
    BannedTerm{"illegal worker", "a worker without immigration papers"},
    BannedTerm{"illegals", "people without immigration papers"},
    // Sensational wording that makes trafficking look like a film.
    BannedTerm{"sex slave", "a person who is being trafficked for sex"},
    BannedTerm{"bought and sold", "exploited, or sold for sex"},
    BannedTerm{"sold into slavery", "trafficked"},
    BannedTerm{"rescued", "got help, got out, or was connected to support"},
};

// Spanish, for translations into "es" or "es-*" (content/translation.hpp): the
// same harms in Spanish words. Matching works as for English, but every word
// may take a plural ending, since Spanish adjectives agree with their nouns
// ("inmigrantes ilegales"). A node's translation may use a term when the node
// `teaches:` it or the English term it stands for (`english`).
struct TranslatedTerm {
    std::string_view term;
    std::string_view instead; // in Spanish, for the message
    std::string_view english; // the kBannedTerms entry it stands for
};

inline constexpr std::array kSpanishBannedTerms = {
    // No such thing: a minor in commercial sex is a victim of trafficking.
    TranslatedTerm{"prostitución infantil", "explotación sexual infantil", "child prostitution"},
    TranslatedTerm{"prostituta", "una persona que vende sexo, o que puede ser víctima de trata",
                   "prostitute"},
    TranslatedTerm{"prostituto", "una persona que vende sexo, o que puede ser víctima de trata",
                   "prostitute"},
    TranslatedTerm{"puta", "una persona que vende sexo", "whore"},
    TranslatedTerm{"ramera", "una persona que vende sexo", "whore"},
    // Immigration status is never a sign, and no person is illegal.
    TranslatedTerm{"inmigrante ilegal", "una persona sin papeles migratorios", "illegal immigrant"},
    TranslatedTerm{"extranjero ilegal", "una persona sin papeles migratorios", "illegal alien"},
    TranslatedTerm{"extranjera ilegal", "una persona sin papeles migratorios", "illegal alien"},
    TranslatedTerm{"trabajador ilegal", "un trabajador sin papeles migratorios", "illegal worker"},
    TranslatedTerm{"trabajadora ilegal", "una trabajadora sin papeles migratorios",
                   "illegal worker"},
    // "ilegales" alone is also the plural adjective ("prácticas ilegales"),
    // which is fine; only the noun, after an article, is the slur.
    TranslatedTerm{"los ilegales", "las personas sin papeles migratorios", "illegals"},
    TranslatedTerm{"las ilegales", "las personas sin papeles migratorios", "illegals"},
    // Sensational wording that makes trafficking look like a film.
    TranslatedTerm{"esclava sexual", "una persona víctima de trata con fines sexuales",
                   "sex slave"},
    TranslatedTerm{"esclavo sexual", "una persona víctima de trata con fines sexuales",
                   "sex slave"},
    TranslatedTerm{"rescatado", "recibió ayuda, salió o fue puesto en contacto con apoyo",
                   "rescued"},
    TranslatedTerm{"rescatada", "recibió ayuda, salió o fue puesta en contacto con apoyo",
                   "rescued"},
    TranslatedTerm{"rescatar", "ayudar a salir, o poner en contacto con apoyo", "rescued"},
    TranslatedTerm{"rescate", "ayuda, salida o apoyo", "rescued"},
};

// Reporting resources. A debrief names one when it contains one of these
// numbers (as a whole number, not part of a longer one) or channel names
// (ignoring case).
inline constexpr std::array kReportingNumbers = {
    std::string_view{"1-888-373-7888"}, // National Human Trafficking Hotline, call
    std::string_view{"233733"},         // National Human Trafficking Hotline, text
    std::string_view{"911"},            // immediate danger
    std::string_view{"1-866-347-2423"}, // HSI Tip Line
    std::string_view{"1-800-843-5678"}, // NCMEC
    std::string_view{"1-833-900-1010"}, // Canada, on TAT cards for cross-border drivers
    std::string_view{"01800-5533-000"}, // Mexico, on the same cards
    std::string_view{"1-800-799-7233"}, // National Domestic Violence Hotline, call
    std::string_view{"88788"},          // National Domestic Violence Hotline, text START
    std::string_view{"855-444-3911"},   // Michigan MDHHS Centralized Intake (child abuse), §5.1
};

inline constexpr std::array kReportingChannels = {
    std::string_view{"National Human Trafficking Hotline"},
    std::string_view{"HSI Tip Line"},
    std::string_view{"CyberTipline"},
    std::string_view{"National Domestic Violence Hotline"},
};

} // namespace sightline::content::lint_terms
