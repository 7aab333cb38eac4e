# The web portal's tests (web/tests): a type check, lint and format checks, unit tests, the
# API types' freshness, then each journey (*.test.mjs) as its own CTest test, driving
# Debian's Chromium against a real `accord serve` on SQLite. `make test` builds web/dist
# first (make web); screenshots go to <build>/portal-screenshots. They run on
# ACCORD_TEST_NODE (cmake/test_node.cmake).
set(ACCORD_WEB_DIR ${PROJECT_SOURCE_DIR}/web)
if(ACCORD_TEST_NODE)
  add_test(NAME portal_typecheck
           COMMAND ${ACCORD_TEST_NODE} ${ACCORD_WEB_DIR}/node_modules/typescript/bin/tsc --noEmit
                   -p ${ACCORD_WEB_DIR}/tsconfig.json)
  # ESLint (web/eslint.config.mjs: no any) and Prettier (web/.prettierrc.json) over the sources
  # and the tests; `npm --prefix web run format` fixes what portal_format finds.
  add_test(NAME portal_lint
           COMMAND ${ACCORD_TEST_NODE} ${ACCORD_WEB_DIR}/node_modules/eslint/bin/eslint.js --max-warnings 0 .
           WORKING_DIRECTORY ${ACCORD_WEB_DIR})
  add_test(NAME portal_format
           COMMAND ${ACCORD_TEST_NODE} ${ACCORD_WEB_DIR}/node_modules/prettier/bin/prettier.cjs --check
                   src tests scripts vite.config.ts vite.verify.config.ts eslint.config.mjs
           WORKING_DIRECTORY ${ACCORD_WEB_DIR})
  # Unit tests of the pure modules (web/tests/unit/*.test.mjs, node:test): Node 22 strips the
  # types of the .ts files under test; ts-resolve.mjs resolves their extensionless imports. Node
  # expands the glob itself.
  add_test(NAME portal_unit
           COMMAND ${ACCORD_TEST_NODE} --import ./tests/unit/ts-resolve.mjs --test tests/unit/*.test.mjs
           WORKING_DIRECTORY ${ACCORD_WEB_DIR})
  # The API types (web/src/generated/openapi.d.ts) match docs/openapi.json;
  # ACCORD_UPDATE_DOCS=1 rewrites them.
  add_test(NAME portal_api_types COMMAND ${ACCORD_TEST_NODE} ${ACCORD_WEB_DIR}/scripts/api-types.mjs --check)
  # The committed src/evidence/verify.html (embedded in every evidence bundle) is what
  # web/verify.html and web/src/verify/ build to; scripts/web.sh refreshes it.
  add_test(NAME portal_verify_page_current
           COMMAND sh -c "${ACCORD_TEST_NODE} node_modules/vite/bin/vite.js build --config vite.verify.config.ts --outDir '${PROJECT_BINARY_DIR}/verify-page-check' --emptyOutDir --logLevel warn && cmp '${PROJECT_BINARY_DIR}/verify-page-check/verify.html' ../src/evidence/verify.html || { echo 'src/evidence/verify.html is stale: run scripts/web.sh and commit it'; exit 1; }"
           WORKING_DIRECTORY ${ACCORD_WEB_DIR})
  file(GLOB ACCORD_PORTAL_JOURNEYS CONFIGURE_DEPENDS ${ACCORD_WEB_DIR}/tests/*.test.mjs)
  foreach(journey ${ACCORD_PORTAL_JOURNEYS})
    get_filename_component(name ${journey} NAME_WE)
    add_test(NAME portal_${name} COMMAND ${ACCORD_TEST_NODE} ${journey})
    set_tests_properties(portal_${name} PROPERTIES
      TIMEOUT 600
      ENVIRONMENT "ACCORD_BIN=$<TARGET_FILE:accord>;ACCORD_WEB=${ACCORD_WEB_DIR}/dist;ACCORD_ARTIFACTS=${PROJECT_BINARY_DIR}/portal-screenshots")
  endforeach()
else()
  add_test(NAME portal_needs_pinned_node COMMAND ${CMAKE_COMMAND} -E false)
endif()
