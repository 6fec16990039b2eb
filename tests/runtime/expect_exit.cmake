# Runs COMMAND (a ;-list) and checks its exit code is EXIT and that its stdout
# plus stderr contain TEXT: CTest alone can check one or the other, not both.
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL EXIT)
    message(FATAL_ERROR "exit code ${rc}, expected ${EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
string(FIND "${out}${err}" "${TEXT}" found)
if(found EQUAL -1)
    message(FATAL_ERROR "output lacks '${TEXT}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
