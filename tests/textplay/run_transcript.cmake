# Runs one transcript (scenarios/transcripts/README.md) through the real
# `sightline --text --script` and compares the output byte for byte.
#
#   cmake -DSIGHTLINE=... -DSIGHTC=... -DTRANSCRIPT=file.txt -DSOURCE_DIR=repo
#         -DWORK_DIR=dir [-DROUNDTRIP=ON] [-DUPDATE=ON] -P run_transcript.cmake
#
# ROUNDTRIP adds --save-roundtrip: the run is saved, thrown away and restored
# before every question, and the output must not change. UPDATE rewrites the
# transcript's output section with what sightline printed (review the diff!).
cmake_minimum_required(VERSION 3.25)

foreach(var SIGHTLINE SIGHTC TRANSCRIPT SOURCE_DIR WORK_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "run_transcript.cmake needs -D${var}=...")
    endif()
endforeach()

get_filename_component(name "${TRANSCRIPT}" NAME_WLE) # x-best.es.txt: x-best.es
file(READ "${TRANSCRIPT}" text)
string(REPLACE "\r\n" "\n" text "${text}")

# Split at the section markers without ever turning the text into a CMake list
# (scenario text is full of semicolons).
set(script_marker "=== script\n")
set(output_marker "\n=== output\n")
string(FIND "${text}" "${script_marker}" script_at)
string(FIND "${text}" "${output_marker}" output_at)
if(script_at EQUAL -1 OR output_at EQUAL -1 OR output_at LESS script_at)
    message(FATAL_ERROR "${TRANSCRIPT}: needs a '=== script' line and then a '=== output' line")
endif()
string(SUBSTRING "${text}" 0 ${script_at} header)
string(LENGTH "${script_marker}" n)
math(EXPR script_begin "${script_at} + ${n}")
math(EXPR script_length "${output_at} + 1 - ${script_begin}")
string(SUBSTRING "${text}" ${script_begin} ${script_length} script)
string(LENGTH "${output_marker}" n)
math(EXPR output_begin "${output_at} + ${n}")
string(SUBSTRING "${text}" ${output_begin} -1 expected)

set(source "")
set(args "")
set(expected_exit 0)
if(header MATCHES "(^|\n)source: *([^\n]*)")
    set(source "${CMAKE_MATCH_2}")
endif()
if(header MATCHES "(^|\n)args: *([^\n]*)")
    set(args "${CMAKE_MATCH_2}")
endif()
if(header MATCHES "(^|\n)exit: *([0-9]+)")
    set(expected_exit "${CMAKE_MATCH_2}")
endif()
set(expected_error "")
if(header MATCHES "(^|\n)error: *([^\n]*)")
    set(expected_error "${CMAKE_MATCH_2}")
endif()
separate_arguments(args UNIX_COMMAND "${args}")

set(work "${WORK_DIR}/${name}")
if(ROUNDTRIP)
    set(work "${work}.roundtrip")
    list(APPEND args --save-roundtrip)
endif()
file(MAKE_DIRECTORY "${work}")

# A `source:` is compiled afresh; without one, sightline finds the bundle the
# build made from scenarios/ next to itself.
if(NOT source STREQUAL "")
    execute_process(
        COMMAND "${SIGHTC}" build "${SOURCE_DIR}/${source}" -o "${work}/bundle.slpack"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${TRANSCRIPT}: sightc build ${source} failed:\n${out}${err}")
    endif()
    list(PREPEND args --bundle "${work}/bundle.slpack")
endif()

file(WRITE "${work}/script.txt" "${script}")
# Transcripts are in English whatever the machine's locale: a course with a
# translation would otherwise play in the system's language (learning/language.hpp).
set(ENV{LC_ALL} "C.UTF-8")
execute_process(
    COMMAND "${SIGHTLINE}" --text ${args} --script script.txt
    WORKING_DIRECTORY "${work}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE actual ERROR_VARIABLE err)
file(WRITE "${work}/actual.txt" "${actual}")
file(WRITE "${work}/expected.txt" "${expected}")

if(UPDATE)
    string(SUBSTRING "${text}" 0 ${output_begin} kept)
    file(WRITE "${TRANSCRIPT}" "${kept}${actual}")
    message(STATUS "updated ${TRANSCRIPT} (exit ${rc})")
    return()
endif()

set(problems "")
if(NOT rc STREQUAL expected_exit)
    string(APPEND problems "exit code ${rc}, expected ${expected_exit}\n")
endif()
if(expected_error STREQUAL "" AND NOT err STREQUAL "")
    string(APPEND problems "unexpected output on stderr\n")
endif()
if(NOT expected_error STREQUAL "")
    string(FIND "${err}" "${expected_error}" found)
    if(found EQUAL -1)
        string(APPEND problems "stderr lacks: ${expected_error}\n")
    endif()
endif()
if(NOT actual STREQUAL expected)
    execute_process(COMMAND diff -u "${work}/expected.txt" "${work}/actual.txt"
                    OUTPUT_VARIABLE diff)
    string(APPEND problems "the output differs (- expected, + actual):\n${diff}")
endif()
if(NOT problems STREQUAL "")
    message(FATAL_ERROR "${TRANSCRIPT}:\n${problems}stderr:\n${err}")
endif()
message(STATUS "${name}: ${rc}, output matches")
