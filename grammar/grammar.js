/**
 * Tree-sitter grammar for the bcp plan language (.bcp files).
 *
 * A file is a sequence of `use` imports and blocks.  A block is
 * `kind [id] { attribute* block* }`; nested blocks (backup, locale overlays)
 * share the same shape so that one grammar serves plans, stdlib catalogues,
 * locale files and configuration alike.  All meaning (which kinds exist,
 * which attributes they take) lives in the schema of the compiler, not here:
 * the grammar stays small and editors can highlight files whose kinds they
 * do not know.
 */

const DIGITS = /[0-9]+/;

// Letters, for identifiers and duration units.  The tree-sitter 0.20 generator
// knows the large CJK and Hangul blocks of \p{L} only by their first and last
// code points and has no letters above U+1092B, so Chinese ids would not lex:
// CJK extension A, CJK unified ideographs, Hangul syllables and CJK extensions
// B-H are spelled out.  grammar/test/corpus/unicode.txt guards this.
const LETTER = '\\p{L}\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uAC00-\\uD7A3\\U00020000-\\U000323AF';
const IDENTIFIER = new RegExp(`[${LETTER}_][${LETTER}\\p{N}_-]*`);

module.exports = grammar({
  name: 'bcp',

  extras: $ => [/\s/, $.comment],

  word: $ => $.identifier,

  rules: {
    source_file: $ => repeat(choice($.use_statement, $.block)),

    comment: _ => token(seq('#', /.*/)),

    use_statement: $ => seq('use', field('path', $.string)),

    block: $ => seq(
      field('kind', $.identifier),
      optional(field('name', $.identifier)),
      field('body', $.block_body),
    ),

    block_body: $ => seq('{', repeat(choice($.attribute, $.block)), '}'),

    attribute: $ => seq(
      field('key', $.identifier),
      '=',
      field('value', $._value),
    ),

    _value: $ => choice(
      $.string,
      $.multiline_string,
      $.integer,
      $.duration,
      $.date,
      $.boolean,
      $.reference,
      $.identifier,
      $.list,
    ),

    list: $ => seq(
      '[',
      optional(seq($._value, repeat(seq(',', $._value)), optional(','))),
      ']',
    ),

    reference: $ => seq(
      field('kind', $.identifier),
      token.immediate('.'),
      field('name', alias($._reference_name, $.identifier)),
    ),

    _reference_name: _ => token.immediate(IDENTIFIER),

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence)),
      token.immediate('"'),
    ),

    string_content: _ => token.immediate(prec(1, /[^"\\\n]+/)),

    escape_sequence: _ => token.immediate(seq(
      '\\',
      choice(/["\\\/nrt]/, /u\{[0-9a-fA-F]{1,6}\}/),
    )),

    // """ ... """: may span lines; the compiler strips the common indentation.
    // One or two quotes may appear inside, before a character, an escape or
    // the closing quotes ("""say "hi"""" ends with a quote).
    multiline_string: _ => token(seq(
      '"""',
      repeat(choice(/[^"\\]/, /\\(.|\n)/, /"{1,2}[^"\\]/, /"{1,2}\\(.|\n)/)),
      /"{3,5}/,
    )),

    integer: _ => token(seq(optional('-'), DIGITS)),

    // 15m, 4h, 2d, 1w, 6mo, 1y.  Any letters lex as a unit so that the model can
    // name a wrong unit ("24hrs", "3天") instead of reporting a bare syntax error.
    // A compound duration written with no space (1h30m, 1d12h) is one token;
    // its parts after the first take ASCII letters, and a trailing part with
    // no unit is not taken (`1h30` is `1h`, then `30`).  The model adds up the
    // parts (compiler/model/values.c).
    duration: _ => token(seq(DIGITS, new RegExp(`[${LETTER}]+`), repeat(seq(DIGITS, /[a-zA-Z]+/)))),

    // Lexed loosely (1-2 digit month and day) so that the model validates the
    // calendar and reports 2026-02-30 or 2026-6-1 precisely.
    date: _ => token(/[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/),

    boolean: _ => choice('true', 'false'),

    identifier: _ => IDENTIFIER,
  },
});
