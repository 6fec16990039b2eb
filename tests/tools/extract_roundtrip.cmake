# sightc extract end to end: extract, translate two strings, edit the English and
# rename a choice id, extract again: the edited one is fuzzy with the old English,
# the renamed one obsolete, and a third extract changes no byte. msgfmt --check
# (Debian's gettext) must accept every file written.
#   cmake -DSIGHTC=path -DEXAMPLE=format-example.scn -DWORK=dir -P extract_roundtrip.cmake
set(dir ${WORK}/extract-roundtrip)
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir})
file(READ ${EXAMPLE} source)
file(WRITE ${dir}/example.scn "${source}")
find_program(MSGFMT msgfmt)

function(extract)
    execute_process(COMMAND ${SIGHTC} extract ${dir}/example.scn --lang es -o ${dir}/es.po
        RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "sightc extract failed (${code}):\n${out}${err}")
    endif()
    if(MSGFMT)
        execute_process(COMMAND ${MSGFMT} --check -o /dev/null ${dir}/es.po
            RESULT_VARIABLE code ERROR_VARIABLE err)
        if(NOT code EQUAL 0 OR NOT err STREQUAL "")
            message(FATAL_ERROR "msgfmt --check on es.po: ${err}")
        endif()
    endif()
    set(extract_output "${out}" PARENT_SCOPE)
endfunction()

function(expect regex)
    file(READ ${dir}/es.po po)
    if(NOT po MATCHES "${regex}")
        message(FATAL_ERROR "es.po does not match '${regex}':\n${po}")
    endif()
endfunction()

extract()
# The translator is told where it is: the scenario, the node and the line in the file.
expect("#\\. scenario hotel.example, node desk: a choice the learner can take\n#: [^\n]*example.scn:[0-9]+\nmsgctxt \"hotel.example:node.desk:choice.ignore:text\"\nmsgid \"Hand over the key. It is none of your business.\"\nmsgstr \"\"")
file(READ ${dir}/es.po po)
string(REPLACE "msgid \"Hand over the key. It is none of your business.\"\nmsgstr \"\""
    "msgid \"Hand over the key. It is none of your business.\"\nmsgstr \"Entregue la llave. No es asunto suyo.\"" po "${po}")
string(REPLACE "msgid \"He paid cash.\"\nmsgstr \"\"" "msgid \"He paid cash.\"\nmsgstr \"Pagó en efectivo.\"" po "${po}")
file(WRITE ${dir}/es.po "${po}")

# The English of one translated string changes; the option [cash] becomes [money].
string(REPLACE "Hand over the key. It is none of your business." "Hand over the key and say nothing." source "${source}")
string(REPLACE "- [cash] He paid cash." "- [money] He paid cash." source "${source}")
file(WRITE ${dir}/example.scn "${source}")
extract()
if(NOT extract_output MATCHES "1 fuzzy, 1 obsolete")
    message(FATAL_ERROR "summary: ${extract_output}")
endif()
expect("#, fuzzy\n#\\| msgid \"Hand over the key. It is none of your business.\"\nmsgctxt \"hotel.example:node.desk:choice.ignore:text\"\nmsgid \"Hand over the key and say nothing.\"\nmsgstr \"Entregue la llave. No es asunto suyo.\"")
expect("#~ msgctxt \"hotel.example:node.check-signs:option.cash:text\"\n#~ msgid \"He paid cash.\"\n#~ msgstr \"Pagó en efectivo.\"")
expect("msgctxt \"hotel.example:node.check-signs:option.money:text\"\nmsgid \"He paid cash.\"\nmsgstr \"\"")

file(READ ${dir}/es.po before)
extract()
file(READ ${dir}/es.po after)
if(NOT before STREQUAL after)
    message(FATAL_ERROR "a second extract of the same sources changed es.po")
endif()
