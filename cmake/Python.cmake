# The Python module: attache._attache (pybind11) and the attache package's
# sources, assembled in ${CMAKE_BINARY_DIR}/python/attache/ so that
# PYTHONPATH=build/python python3 -c "import attache" works.
# Debian's interpreter is preferred: python3-distributed lives there.
if(NOT Python3_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
set(PYBIND11_FINDPYTHON ON)
find_package(Python3 REQUIRED COMPONENTS Interpreter Development.Module)
find_package(pybind11 CONFIG REQUIRED)
set(ATTACHE_PY_DIR ${CMAKE_BINARY_DIR}/python/attache)
pybind11_add_module(attache_python MODULE NO_EXTRAS ${CMAKE_SOURCE_DIR}/src/python/module.cc)
set_target_properties(attache_python PROPERTIES OUTPUT_NAME _attache LIBRARY_OUTPUT_DIRECTORY ${ATTACHE_PY_DIR})
target_link_libraries(attache_python PRIVATE attache::core)
file(GLOB attache_py_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/python/attache/*.py)
set(attache_py_outputs)
foreach(src IN LISTS attache_py_sources)
  get_filename_component(name ${src} NAME)
  add_custom_command(OUTPUT ${ATTACHE_PY_DIR}/${name}
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${src} ${ATTACHE_PY_DIR}/${name}
    DEPENDS ${src} VERBATIM)
  list(APPEND attache_py_outputs ${ATTACHE_PY_DIR}/${name})
endforeach()
add_custom_target(attache_python_sources ALL DEPENDS ${attache_py_outputs})
add_dependencies(attache_python attache_python_sources)
if(ATTACHE_BUILD_TESTS)
  enable_testing()
  # python/tests/test_*.py under unittest, one CTest entry per file, against
  # the built package and the attache binary (the CLI's output is the reference).
  file(GLOB attache_py_tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/python/tests/test_*.py)
  foreach(test IN LISTS attache_py_tests)
    get_filename_component(name ${test} NAME_WE)
    add_test(NAME python_${name}
      COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${CMAKE_BINARY_DIR}/python
        ATTACHE_BINARY=$<TARGET_FILE:attache> ATTACHE_SOURCE_DIR=${CMAKE_SOURCE_DIR}
        ${Python3_EXECUTABLE} -m unittest discover -s ${CMAKE_SOURCE_DIR}/python/tests -p ${name}.py)
    set_tests_properties(python_${name} PROPERTIES TIMEOUT 300)
  endforeach()
endif()
