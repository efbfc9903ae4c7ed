; Definitions and references.  Every block id is visible in the whole file
; (and in the files that `use` it), so the file is the one scope.
;
; Ids are unique per kind: `contact owner` and `team owner` may both exist and
; `contact.owner` names only the first.  A locals query matches a reference to
; a definition by its text only, so an editor may offer both blocks for
; `contact.owner`; the compiler resolves kind and id together and `bcp check`
; reports a reference whose kind.id does not exist.

(source_file) @local.scope

(block
  kind: (identifier)
  name: (identifier) @local.definition)

(reference
  kind: (identifier)
  name: (identifier) @local.reference)
