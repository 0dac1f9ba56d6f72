#pragma once
// ICSIM_EMBED("name", "/path"): a file's bytes assembled into read-only data
// with .incbin, between the symbols name_begin and name_end. The build passes
// the paths and rebuilds the including file when one changes (the compiler's
// own dependency list does not follow .incbin).

#define ICSIM_EMBED(name, file)                  \
  asm(".pushsection .rodata,\"a\",@progbits\n"   \
      ".balign 16\n"                             \
      ".globl " name "_begin\n"                  \
      ".hidden " name "_begin\n"                 \
      name "_begin:\n"                           \
      ".incbin \"" file "\"\n"                   \
      ".globl " name "_end\n"                    \
      ".hidden " name "_end\n"                   \
      name "_end:\n"                             \
      ".popsection\n")
