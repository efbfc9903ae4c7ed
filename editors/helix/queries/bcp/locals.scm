; Block ids are defined once per file and referenced as kind.id anywhere in it.

(source_file) @local.scope

(block
  name: (identifier) @local.definition)

(reference
  name: (identifier) @local.reference)
