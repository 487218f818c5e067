# Writes a man page from a program's own --help and --version (help2man), so the page cannot drift from
# the program: for the CLI also every subcommand's --help, as the COMMANDS section. Run by the build:
#   cmake -DPROGRAM=… -DNAME=… -DDESCRIPTION=… -DEXTRA=FILE.h2m -DOUT=… -DHELP2MAN=… -DGZIP=… -P manpage.cmake
# EXTRA: a help2man include file (SEE ALSO, FILES …), added after the generated sections.
set(ENV{QT_QPA_PLATFORM} offscreen)  # the desktop app makes its QApplication before printing its help

# roff: a backslash is written \e; a line starting with . or ' would be a request.
function(as_roff text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(include "${OUT}.include")
file(READ "${EXTRA}" extra)
file(WRITE "${include}" "")
execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --help failed (${rc})")
endif()
string(FIND "${help}" "\nSubcommands:\n" at)
if(at GREATER -1)
  string(SUBSTRING "${help}" ${at} -1 list)
  string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" commands "${list}")
  file(APPEND "${include}" "[COMMANDS]\nEach command's own help (\\fB${NAME} COMMAND --help\\fR).\n")
  foreach(command IN LISTS commands)
    string(STRIP "${command}" command)
    execute_process(COMMAND "${PROGRAM}" ${command} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${PROGRAM} ${command} --help failed (${rc})")
    endif()
    as_roff("${text}" text)
    file(APPEND "${include}" ".SS ${command}\n.nf\n${text}.fi\n")
  endforeach()
endif()
file(APPEND "${include}" "${extra}")
get_filename_component(page "${OUT}" NAME_WLE)
execute_process(COMMAND "${HELP2MAN}" --no-info --section=1 "--name=${DESCRIPTION}"
                        "--include=${include}" "--output=${OUT}.tmp" "${PROGRAM}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${PROGRAM} (${rc})")
endif()
execute_process(COMMAND "${GZIP}" -9nf "${OUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed (${rc})")
endif()
file(RENAME "${OUT}.tmp.gz" "${OUT}")
