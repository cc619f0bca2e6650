#ifndef TAILOR_CLIBXML2_SHIM_H
#define TAILOR_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so encoding.h would pull in the system's
   ICU headers. Foundation brings its own, newer ICU module, and a Swift module
   that sees both fails to build ("UErrorCode ... is not present in definition").
   tailor never touches the ICU members of xmlCharEncodingHandler (it only passes
   pointers to it), so the headers are read without ICU. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
