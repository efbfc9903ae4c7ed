; Comments may carry TODO/FIXME notes: editors with a "comment" grammar
; highlight them.

((comment) @injection.content
  (#set! injection.language "comment"))
