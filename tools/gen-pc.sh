#!/bin/sh
# Writes bcp.pc, the pkg-config file of the installed library.
# Usage: gen-pc.sh PREFIX LIBDIR INCLUDEDIR VERSION "PKG-CONFIG DEPENDENCIES"
set -eu
prefix=$1 libdir=$2 includedir=$3 version=$4 requires=$5
# Paths under the prefix are written relative to ${prefix}, as is customary.
rel() { case $1 in "$prefix"/*) echo "\${prefix}${1#"$prefix"}" ;; *) echo "$1" ;; esac; }
cat <<PC
prefix=$prefix
libdir=$(rel "$libdir")
includedir=$(rel "$includedir")

Name: bcp
Description: Business continuity plans as code: load, check, query and render .bcp plans
Version: $version
Requires.private: $requires
Cflags: -I\${includedir}
Libs: -L\${libdir} -lbcp
Libs.private: -lcmark-gfm-extensions -lphonenumber -lstdc++ -pthread
PC
