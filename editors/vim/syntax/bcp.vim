" Vim syntax file
" Language: bcp (business continuity plans as code)
" Filenames: *.bcp

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Identifiers hold letters of any script, digits, _ and -.  Multibyte letters
" are keyword characters already; the hyphen is added.
syn iskeyword @,48-57,_,192-255,-

" When several matches start at the same place the one defined last wins, so
" the general items come first and the specific ones after them.

" A bare word as a value: an enumeration or catalogue entry (size = micro).
syn match bcpEnumMember /\<\k\+\>/
syn match bcpBlockId /\k\+\ze\s*{/ contained
" kind [id] {: the kind word opens every block.
syn match bcpKind /\%(^\|{\)\s*\zs\k\+\ze\%(\s\+\k\+\)\=\s*{/ nextgroup=bcpBlockId skipwhite
syn match bcpAttribute /\%(^\|{\)\s*\zs\k\+\ze\s*=/
syn match bcpOperator /=/
syn match bcpDelimiter /[][{},]/
syn match bcpReference /\<\k\+\.\k\+\>/ contains=bcpReferenceKind,bcpReferenceDot
syn match bcpReferenceKind /\<\k\+\.\@=/ contained nextgroup=bcpReferenceDot
syn match bcpReferenceDot /\./ contained

syn match bcpNumber /\<-\=\d\+\>/
syn match bcpDuration /\<\d\+\a\+\>/
" Units in other scripts (3天) lex as durations too; the compiler names them.
syn match bcpDuration /\<\d\+[^\x00-\x7f]\+/
syn match bcpDate /\<\d\{4}-\d\{1,2}-\d\{1,2}\>/
syn keyword bcpBoolean true false
syn keyword bcpUse use

syn match bcpEscape /\\\%(["\\/nrt]\|u{\x\{1,6}}\)/ contained
syn match bcpBadEscape /\\[^"\\/nrtu]/ contained
syn region bcpString start=/"/ skip=/\\\\\|\\"/ end=/"/ end=/$/ contains=bcpEscape,bcpBadEscape
syn region bcpMultilineString start=/"""/ skip=/\\\\\|\\"/ end=/"""/ contains=bcpEscape,bcpBadEscape

syn keyword bcpTodo TODO FIXME XXX NOTE contained
syn match bcpComment /#.*$/ contains=bcpTodo,@Spell

syn sync fromstart

hi def link bcpComment Comment
hi def link bcpTodo Todo
hi def link bcpUse Include
hi def link bcpKind Keyword
hi def link bcpBlockId Function
hi def link bcpAttribute Identifier
hi def link bcpOperator Operator
hi def link bcpDelimiter Delimiter
hi def link bcpReference Identifier
hi def link bcpReferenceKind Type
hi def link bcpReferenceDot Delimiter
hi def link bcpString String
hi def link bcpMultilineString String
hi def link bcpEscape SpecialChar
hi def link bcpBadEscape Error
hi def link bcpBoolean Boolean
hi def link bcpNumber Number
hi def link bcpDuration Number
hi def link bcpDate Constant
hi def link bcpEnumMember Constant

let b:current_syntax = 'bcp'

let &cpo = s:cpo_save
unlet s:cpo_save
