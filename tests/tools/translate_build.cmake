# sightc build --po end to end: two translations of the example go into the
# bundle, which is byte-identical whatever the order of the --po files and
# however often it is built; the summary line counts each language's strings.
#   cmake -DSIGHTC=path -DEXAMPLE=format-example.scn -DWORK=dir -P translate_build.cmake
set(dir ${WORK}/translate-build)
file(REMOVE_RECURSE ${dir})
file(MAKE_DIRECTORY ${dir})

function(run)
    execute_process(COMMAND ${SIGHTC} ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out
        ERROR_VARIABLE err)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "sightc ${ARGN} failed (${code}):\n${out}${err}")
    endif()
    set(run_output "${out}${err}" PARENT_SCOPE)
endfunction()

# One PO file per language, with two strings translated.
foreach(language es fr)
    run(extract ${EXAMPLE} --lang ${language} -o ${dir}/${language}.po)
    file(READ ${dir}/${language}.po po)
    string(REPLACE "msgid \"He paid cash.\"\nmsgstr \"\""
        "msgid \"He paid cash.\"\nmsgstr \"[${language}] He paid cash.\"" po "${po}")
    string(REPLACE "msgid \"The late check-in\"\nmsgstr \"\""
        "msgid \"The late check-in\"\nmsgstr \"[${language}] The late check-in\"" po "${po}")
    file(WRITE ${dir}/${language}.po "${po}")
endforeach()

run(build ${EXAMPLE} --po ${dir}/es.po --po ${dir}/fr.po -o ${dir}/first.slpack)
if(NOT run_output MATCHES "es: 2 of 50 strings translated [(]4%[)]\nfr: 2 of 50 strings translated [(]4%[)]\nwrote ")
    message(FATAL_ERROR "summary:\n${run_output}")
endif()
if(NOT run_output MATCHES "warning SL0603: scenario 'hotel.example': [0-9]+ of [0-9]+ strings have no 'es' translation")
    message(FATAL_ERROR "no SL0603 for the untranslated strings:\n${run_output}")
endif()
run(build ${EXAMPLE} --po ${dir}/fr.po --po ${dir}/es.po -o ${dir}/swapped.slpack)
run(build ${EXAMPLE} --po ${dir}/es.po --po ${dir}/fr.po -o ${dir}/again.slpack)
run(build ${EXAMPLE} -o ${dir}/english.slpack)
foreach(other swapped again)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${dir}/first.slpack ${dir}/${other}.slpack
        RESULT_VARIABLE differ)
    if(differ)
        message(FATAL_ERROR "the bundle built with translations differs in ${other}.slpack")
    endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${dir}/first.slpack ${dir}/english.slpack
    RESULT_VARIABLE differ)
if(NOT differ)
    message(FATAL_ERROR "the translations did not change the bundle")
endif()
# The bundle with translations reads and verifies.
run(dump ${dir}/first.slpack)
