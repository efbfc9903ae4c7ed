#!/usr/bin/env python3
"""Writes the byte-exact cases of tests/hostile/ (invalid UTF-8, NUL bytes,
BOMs, line ends, bidi and escape sequences are easier to state here than to
type): NAME.bcp with its `# hostile:` lines, or NAME.bcp and a NAME.expect
sidecar when the file's first bytes matter, and the sidecars of the cases
whose input run.sh makes (gen=, setup=).  The folder cases and the fmt-ignore-*
files are written by hand.  usage: python3 tests/hostile/generate.py"""
import os
H = os.path.dirname(os.path.abspath(__file__))
os.makedirs(H, exist_ok=True)
LIMIT = "E010-E019"
SYNTAX = "E001-E009,E120-E129"
MOD = b'contact a {\n  name  = "A"\n  phone = "+44 20 7946 0000"\n  email = "a@x.example"\n}\n'
PLAN = b'plan p {\n  title        = "T"\n  organization = "O"\n}\n'
def contact(name=b'"A"', phone=b'"+44 20 7946 0000"', email=b'"a@x.example"', ident=b'a', extra=b''):
    return b'contact ' + ident + b' {\n  name  = ' + name + b'\n  phone = ' + phone + b'\n  email = ' + email + b'\n' + extra + b'}\n'
cases = {}
def case(name, body, *specs, sidecar=False, desc=""):
    hdr = b''
    if desc:
        hdr += b'# ' + desc.encode() + b'\n'
    if sidecar:
        cases[name] = (body, [s for s in specs], desc)
    else:
        cases[name] = (b''.join(b'# hostile: ' + s.encode() + b'\n' for s in specs) + hdr + body, None, desc)

# --- empty, comments, whitespace, BOM, line ends
case("empty", b'', "exit=0 max-seconds=2", "cmd=fmt exit=0", "cmd=parse exit=0", sidecar=True, desc="an empty file")
case("only-comments", b'# nothing but comments\n# and another\n', "exit=0", "cmd=fmt exit=0")
case("only-whitespace", b'\n\n   \t \n\n', "exit=0", sidecar=True, desc="blank lines, spaces and tabs only")
case("bom", b'\xef\xbb\xbf' + MOD, "exit=0", "cmd=fmt exit=0", sidecar=True, desc="a UTF-8 byte order mark before a clean module")
case("bom-twice", b'\xef\xbb\xbf\xef\xbb\xbf' + MOD, "exit=2 code=%s,E001-E009 located" % LIMIT, sidecar=True, desc="two BOMs: the second is U+FEFF in the text")
case("bom-in-id", b'contact a\xef\xbb\xbfb {\n  name = "A"\n}\n', "exit=1,2 code=%s,E001-E009,H110-H119 located" % LIMIT, desc="U+FEFF inside an id")
case("crlf", MOD.replace(b'\n', b'\r\n'), "exit=0", "cmd=fmt exit=0", sidecar=True, desc="CRLF line ends")
case("crlf-multiline-string", b'contact a {\r\n  name = """\r\n    A\r\n    """\r\n}\r\n', "exit=0,1", "cmd=fmt exit=0", sidecar=True, desc="CRLF inside a triple-quoted string")
case("lone-cr", MOD.replace(b'\n', b'\r'), "exit=0,2 max-seconds=2", "cmd=fmt exit=0,2", sidecar=True, desc="old Mac line ends: CR alone")
case("mixed-line-ends", b'contact a {\r\n  name  = "A"\r  phone = "+44 20 7946 0000"\n  email = "a@x.example"\n}\r\n', "exit=0,2", sidecar=True, desc="CRLF, CR and LF mixed")
case("cr-in-string", b'contact a {\n  name = "Al\rFAKE"\n}\n', "exit=0,1,2 not-contains=\\rFAKE", desc="a carriage return inside a string (overwrites the terminal line)")
case("no-final-newline", MOD.rstrip(b'\n'), "exit=0", "cmd=fmt exit=0", desc="no newline at the end of the file")
case("form-feed-vtab", b'contact a {\n\x0c  name = "A"\x0b\n}\n', "exit=0,2", desc="form feed and vertical tab as white space")
# --- NUL bytes
case("nul-in-string", b'contact a {\n  name = "A\x00B"\n}\n', "exit=2 code=%s located" % LIMIT, desc="a NUL byte inside a string")
case("nul-in-comment", b'# a comment \x00 with a NUL\n' + MOD, "exit=2 code=%s located" % LIMIT, desc="a NUL byte inside a comment")
case("nul-start", b'\x00' + MOD, "exit=2 code=%s located" % LIMIT, sidecar=True, desc="the file starts with a NUL byte")
case("nul-between-blocks", MOD + b'\x00\x00\x00\n' + PLAN, "exit=2 code=%s located" % LIMIT, desc="NUL bytes between blocks")
case("nul-only", b'\x00' * 4096, "exit=2 code=%s max-seconds=2" % LIMIT, "cmd=fmt exit=2", sidecar=True, desc="4 KiB of NUL bytes")
# --- invalid UTF-8
bad = [
  ("utf8-ff-in-string", b'contact a {\n  name = "A\xffB"\n}\n', "0xFF in a string"),
  ("utf8-ff-in-id", b'contact a\xffb {\n  name = "A"\n}\n', "0xFF in an id"),
  ("utf8-ff-in-comment", b'# caf\xe9 latin-1 in a comment\n' + MOD, "a Latin-1 byte in a comment"),
  ("utf8-ff-in-key", b'contact a {\n  na\xffme = "A"\n}\n', "0xFF in an attribute name"),
  ("utf8-overlong-slash", b'contact a {\n  name = "\xc0\xaf"\n}\n', "overlong 2-byte encoding of /"),
  ("utf8-overlong-3byte", b'contact a {\n  name = "\xe0\x80\xaf"\n}\n', "overlong 3-byte encoding of /"),
  ("utf8-overlong-nul", b'contact a {\n  name = "A\xc0\x80B"\n}\n', "overlong NUL (Java's modified UTF-8)"),
  ("utf8-surrogate", b'contact a {\n  name = "\xed\xa0\x80"\n}\n', "an encoded UTF-16 surrogate"),
  ("utf8-beyond-10ffff", b'contact a {\n  name = "\xf4\x90\x80\x80"\n}\n', "a code point above U+10FFFF"),
  ("utf8-5byte", b'contact a {\n  name = "\xf8\x88\x80\x80\x80"\n}\n', "a 5-byte sequence"),
  ("utf8-lone-continuation", b'contact a {\n  name = "A\x80\x80"\n}\n', "continuation bytes without a lead byte"),
  ("utf8-truncated-eof", MOD + b'# \xe4\xb8', "a multi-byte sequence cut at end of file"),
  ("utf8-truncated-in-string", b'contact a {\n  name = "\xe4\xb8"\n}\n', "a multi-byte sequence cut before the quote"),
  ("utf8-latin1-file", b'contact a {\n  name = "Andr\xe9 M\xfcller"\n  role = "Gesch\xe4ftsf\xfchrer"\n}\n', "a whole file in ISO-8859-1"),
  ("utf8-in-triple-string", b'contact a {\n  name = """\n    A \xff B\n    """\n}\n', "0xFF inside a triple-quoted string"),
  ("utf8-in-use-path", b'use "./m\xff.bcp"\n' + PLAN, "0xFF in an import path"),
]
for n, b, d in bad:
    case(n, b, "exit=2 code=%s located" % LIMIT, desc=d)
case("utf8-todo-secret-invalid", b'contact a {\n  name = "A"\n  role = "TODO: password=Hunter2Hunter2 \xff"\n}\n',
     "exit=2 code=%s located args=--format,gcc not-contains=Hunter2Hunter2" % LIMIT, desc="one invalid byte must not switch off placeholder and secret checks")
case("utf16le-bom", b'\xff\xfe' + MOD.decode().encode('utf-16-le'), "exit=2 code=%s" % LIMIT, sidecar=True, desc="a UTF-16LE file with its BOM")
case("utf16be-nobom", MOD.decode().encode('utf-16-be'), "exit=2 code=%s" % LIMIT, sidecar=True, desc="a UTF-16BE file without BOM")
case("valid-cjk-emoji", contact(name='"陈小明 🚀"'.encode(), extra='  role  = "总经理"\n'.encode()), "exit=0", "cmd=fmt exit=0", desc="valid CJK and emoji text stays clean")
# --- bidi, zero-width, homoglyphs
case("bidi-rlo-in-string", contact(name=b'"Alex \xe2\x80\xae1gnp.exe\xe2\x80\xac"'), "exit=1 code=H110-H119 located args=--format,gcc not-contains=\\0342\\0200\\0256", desc="RIGHT-TO-LEFT OVERRIDE in a string")
case("bidi-in-comment", b'# access check \xe2\x80\xae } \xe2\x81\xa6 begin admins only \xe2\x81\xa9\n' + MOD, "exit=1 code=H110-H119 located", desc="Trojan Source: bidi controls in a comment")
case("bidi-lri-pdi-string", contact(name=b'"\xe2\x81\xa6A\xe2\x81\xa9"'), "exit=1 code=H110-H119 located", desc="LEFT-TO-RIGHT ISOLATE in a string")
case("bidi-in-id", b'contact a\xe2\x80\xaeb {\n  name = "A"\n}\n', "exit=1,2 code=H110-H119,E001-E009,%s located" % LIMIT, desc="RLO inside an id")
case("zero-width-in-id", b'contact al\xe2\x80\x8bex {\n  name = "A"\n}\n', "exit=1,2 code=H110-H119,E001-E009,%s located" % LIMIT, desc="ZERO WIDTH SPACE inside an id")
case("zero-width-joiner-id", b'contact a\xe2\x80\x8db {\n  name = "A"\n}\n', "exit=1,2 code=H110-H119,E001-E009,%s located" % LIMIT, desc="ZERO WIDTH JOINER inside an id")
case("zero-width-in-reference", PLAN.replace(b'}\n', b'  owner = contact.al\xe2\x80\x8cex\n}\n') + b'contact alex {\n  name = "A"\n}\n', "exit=1,2 code=H110-H119,E001-E009,E106,%s located" % LIMIT, desc="ZERO WIDTH NON-JOINER in a reference")
case("homoglyph-cyrillic-id", b'contact alex {\n  name = "A"\n}\ncontact \xd0\xb0lex {\n  name = "B"\n}\n', "exit=1 code=H110-H119 located", desc="two ids that look the same: Latin a and Cyrillic a")
case("homoglyph-greek-omicron", b'contact bob {\n  name = "A"\n}\ncontact b\xce\xbfb {\n  name = "B"\n}\n', "exit=1 code=H110-H119 located", desc="Greek omicron for o")
case("homoglyph-fullwidth-id", b'contact ab {\n  name = "A"\n}\ncontact \xef\xbd\x81b {\n  name = "B"\n}\n', "exit=1 code=H110-H119 located", desc="a fullwidth letter")
case("mixed-script-id", b'contact p\xd0\xb0ypal {\n  name = "A"\n}\n', "exit=1 code=H110-H119 located", desc="one id mixing Latin and Cyrillic")
# --- terminal and line injection
case("ansi-in-phone", contact(phone=b'"\\u{1B}[31m+44 20 7946\\u{1B}[0m"'), "exit=1 args=--format,gcc", desc="an escaped ESC sequence in a phone number (\\u{1B})")
case("ansi-raw-in-phone", contact(phone=b'"\x1b[31m+44 20 7946 0000\x1b[0m"'), "exit=1,2 args=--format,gcc", "exit=1,2", desc="raw ESC bytes in a phone number")
case("ansi-osc-title", contact(email=b'"\x1b]0;pwned\x07a@x.example"'), "exit=1,2 args=--format,gcc", "exit=1,2", desc="an OSC sequence that sets the terminal title, in an email")
case("ansi-in-comment", b'# \x1b[2J\x1b[H cleared\n' + MOD, "exit=0,1,2", desc="ESC sequences in a comment")
case("ansi-in-id", b'contact a\x1b[31mb {\n  name = "A"\n}\n', "exit=1,2 code=E001-E009,%s,H110-H119 located" % LIMIT, desc="ESC in an id")
case("forged-gcc-line-email", contact(email=b'"x\\nfake.bcp:1:1: error: everything is fine [E000]"'), "exit=1 args=--format,gcc", "exit=1 args=--format,github", desc="a newline and a forged gcc-format line in an email (decoded escape)")
case("forged-gcc-line-phone", contact(phone=b'"""\nfake.bcp:1:1: error: forged\n"""'), "exit=1 args=--format,gcc", desc="a forged line inside a triple-quoted phone number")
case("forged-line-in-id-message", b'contact a {\n  name = "A"\n  substitute = contact.x\n}\n# fake.bcp:1:1: error: forged\n', "exit=1 args=--format,gcc", desc="an undefined reference; the comment after it must not show as a report line")
case("backspace-in-string", contact(name=b'"Alex\x08\x08\x08\x08EVIL"'), "exit=0,1,2", desc="backspaces in a string")
case("bell-in-string", contact(name=b'"A\x07\x07\x07"'), "exit=0,1,2", desc="BEL characters in a string")
case("c1-controls", contact(name=b'"A\xc2\x9b31mB"'), "exit=0,1,2", desc="a C1 control (CSI, U+009B)")
# --- secrets
sec = [
  ("secret-aws-key", b'  role  = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"\n', "AKIAIOSFODNN7EXAMPLE"),
  ("secret-github-token", b'  role  = "token ghp_16C7e42F292c6912E7710c838347Ae178B4a"\n', "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
  ("secret-password-en", b'  role  = "VPN password: Tr0ub4dor&3xyz"\n', "Tr0ub4dor&3xyz"),
  ("secret-password-zh", '  role  = "密码是 Qwerty!2026Xx"\n'.encode(), "Qwerty!2026Xx"),
  ("secret-password-zh-fullwidth", '  role  = "密码＝Zx9!mNb7Vc"\n'.encode(), "Zx9!mNb7Vc"),
  ("secret-slack-webhook", b'  role  = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"\n', "XXXXXXXXXXXXXXXXXXXXXXXX"),
  ("secret-private-key", b'  role  = """\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEowIBAAKCAQEA7bq8exampleexampleexample\n    -----END RSA PRIVATE KEY-----\n    """\n', "MIIEowIBAAKCAQEA7bq8exampleexampleexample"),
  ("secret-wifi-key", b'  role  = "Office Wi-Fi key: CorrectHorse42!"\n', "CorrectHorse42!"),
]
for n, extra, s in sec:
    case(n, PLAN + contact(extra=extra), "exit=1 code=H102 located args=--format,gcc not-contains=%s" % s.replace(' ', '\\040'),
         "cmd=build args=--draft exit=0 not-contains=%s" % s.replace(' ', '\\040'), desc="a secret in a plan string: found, never echoed, a draft build redacts it")
case("secret-in-comment", b'# admin password: S3cretAdm1nPw!\n' + MOD, "exit=1 code=H102 located args=--format,gcc not-contains=S3cretAdm1nPw!", desc="a secret in a comment")
case("secret-in-suppression-reason", b'# bcp: ignore[C101] password=Hunter2Hunter2\n' + MOD, "exit=1 code=H102 args=--format,gcc not-contains=Hunter2Hunter2", desc="a secret in a suppression comment")
# --- dates, durations, numbers
case("date-overflow-9999999999y", PLAN.replace(b'}\n', b'  reviewed     = 2026-09-01\n  review_every = 9999999999y\n}\n'), "exit=1,2 code=%s,E105,E114 located" % SYNTAX, "cmd=build args=--draft not-contains=-1039093", desc="a review interval that overflows the date arithmetic")
case("date-9999-12-31", PLAN.replace(b'}\n', b'  reviewed     = 9999-12-31\n}\n'), "exit=1,2 code=%s,E104,E114 located" % SYNTAX, "cmd=build args=--draft not-contains=10000-", desc="the last representable date; its next review is past year 9999")
case("date-0000-01-01", PLAN.replace(b'}\n', b'  reviewed     = 0000-01-01\n}\n'), "exit=1,2 code=%s,E104,E114 located" % SYNTAX, desc="year zero")
case("date-feb-30", PLAN.replace(b'}\n', b'  reviewed     = 2026-02-30\n}\n'), "exit=1,2 code=E104,%s located" % SYNTAX, desc="a day that does not exist")
case("date-huge-year", PLAN.replace(b'}\n', b'  reviewed     = 99999999-01-01\n}\n'), "exit=1,2 code=E104,E114,%s located" % SYNTAX, desc="an eight-digit year")
case("duration-huge-hours", b'function f {\n  title = "F"\n  rto   = 99999999999999999999h\n}\n', "exit=1,2 code=E105,E114,%s located" % SYNTAX, desc="a duration past int64")
case("duration-10-years-rto", b'function f {\n  title = "F"\n  rto   = 10y\n}\n', "exit=1 code=E114,E120-E129 located", desc="an implausible RTO")
case("duration-compound-overflow", b'function f {\n  title = "F"\n  rto   = 9999999999y9999999999mo\n}\n', "exit=1,2 code=E105,E114,%s located" % SYNTAX, desc="a compound duration that overflows")
case("integer-huge", b'contact a {\n  name = "A"\n  tier = 99999999999999999999999\n}\n', "exit=1,2 code=E103,E114,%s located" % SYNTAX, desc="an integer past int64")
case("integer-negative-huge", b'contact a {\n  name = "A"\n  tier = -99999999999999999999999\n}\n', "exit=1,2 code=E103,E114,%s located" % SYNTAX, desc="a negative integer past int64")
case("integer-int64-min", b'contact a {\n  name = "A"\n  tier = -9223372036854775808\n}\n', "exit=1,2 code=E103,E114,%s located" % SYNTAX, desc="INT64_MIN")
case("number-many-digits", b'contact a {\n  name = "A"\n  tier = ' + b'9' * 100000 + b'\n}\n', "exit=1,2 code=E103,E114,%s,%s located max-seconds=2" % (SYNTAX, LIMIT), desc="a 100,000-digit number")
# --- syntax breakage
case("unclosed-string", b'contact a {\n  name = "A\n}\n', "exit=2 code=E001-E009 located", desc="a string that never closes")
case("unclosed-triple-string", b'contact a {\n  name = """\n    A\n}\n', "exit=2 code=E001-E009 located", desc="a triple-quoted string that never closes")
case("unclosed-block", b'contact a {\n  name = "A"\n', "exit=2 code=E001-E009 located", desc="a block that never closes")
case("stray-close-brace", MOD + b'}\n}\n', "exit=2 code=E001-E009 located", desc="closing braces with nothing open")
case("stray-close-bracket", b'contact a {\n  name = "A"]]]\n}\n', "exit=2 code=E001-E009 located", desc="closing brackets with nothing open")
case("unclosed-brackets-1000", PLAN.replace(b'}\n', b'  objectives = ' + b'[' * 1000 + b'\n}\n'), "exit=2 code=%s,E001-E009 located max-seconds=2" % LIMIT, "cmd=fmt exit=2", "cmd=parse exit=2", desc="1,000 unclosed [")
case("unclosed-braces-5000", b'x {' * 5000, "exit=2 code=%s,E001-E009 located max-seconds=2" % LIMIT, "cmd=fmt exit=2", "cmd=parse exit=2", desc="5,000 unclosed blocks on one line")
case("deep-list-200", b'risk r {\n  title = "Deep"\n  notes = ' + b'[' * 200 + b']' * 200 + b'\n}\n', "exit=1 no-code=%s max-seconds=2" % LIMIT, "cmd=fmt exit=0 max-seconds=2", "cmd=parse exit=0 max-seconds=2", desc="200 nested lists: under the nesting limit, a type error only")
case("deep-list-1000", b'risk r {\n  title = "Deep"\n  notes = ' + b'[' * 1000 + b']' * 1000 + b'\n}\n', "exit=2 code=%s located max-seconds=2" % LIMIT, "cmd=fmt exit=2 code=%s" % LIMIT, "cmd=parse exit=2", "cmd=diff exit=2", desc="1,000 nested lists: over the nesting limit")
case("deep-blocks-200", b'phase ph {\n' + b''.join(b'step s%d {\n' % i for i in range(200)) + b'}\n' * 201, "exit=1,2 no-code=%s max-seconds=2" % LIMIT, "cmd=parse exit=0,2 max-seconds=2", desc="200 nested blocks: under the nesting limit")
case("deep-blocks-1000", b'phase ph {\n' + b''.join(b'step s%d {\n' % i for i in range(1000)) + b'}\n' * 1001, "exit=2 code=%s located max-seconds=2" % LIMIT, "cmd=fmt exit=2 code=%s" % LIMIT, "cmd=parse exit=2", desc="1,000 nested blocks: over the nesting limit")
case("deep-mixed-nesting", b'risk r {\n  notes = ' + b'[{' * 600 + b'}]' * 600 + b'\n}\n', "exit=2 code=%s,E001-E009 max-seconds=2" % LIMIT, desc="lists and braces interleaved, 1,200 levels")
case("missing-equals", b'contact a {\n  name "A"\n}\n', "exit=2 code=E001-E009 located", desc="an attribute without =")
case("garbage-binary", bytes(range(256)) * 16, "exit=2 code=%s,E001-E009 max-seconds=2" % LIMIT, "cmd=fmt exit=2", sidecar=True, desc="every byte value, 16 times")
case("keyword-soup", b'use use plan plan { { = = [ [ , , . . } } ] ]\n' * 200, "exit=2 code=E001-E009 max-seconds=2", desc="tokens in no order")
case("long-id", b'contact ' + b'a' * 100000 + b' {\n  name = "Long"\n}\n', "exit=0,1,2 max-seconds=2", desc="a 100,000-character id")
case("many-duplicate-ids", b''.join(b'contact dup {\n  name = "D"\n}\n' for _ in range(2000)), "exit=1,2 code=E108 max-seconds=3", desc="one id declared 2,000 times")
case("many-findings-one-line", b'risk r { ' + b''.join(b'bogus%d = 1 ' % i for i in range(5000)) + b'}\n', "exit=1,2 code=E102,%s max-seconds=3" % LIMIT, desc="5,000 unknown attributes on one line")
# --- imports
case("use-dotdot-traversal", b'use "../../../../../../etc/passwd"\n' + PLAN, "exit=1,2 code=E112,E130-E139 located not-contains=root:", desc="path traversal in use")
case("use-absolute-path", b'use "/etc/passwd"\n' + PLAN, "exit=1,2 code=E112,E130-E139 located not-contains=root:", desc="an absolute import path")
case("use-std-dotdot", b'use "std/../../../etc/passwd"\n' + PLAN, "exit=1,2 code=E112,E130-E139 located not-contains=root:", desc="std/.. out of the standard library")
case("use-proc-self", b'use "/proc/self/environ"\n' + PLAN, "exit=1,2 code=E112,E130-E139 located max-seconds=2", desc="an import of /proc")
case("use-missing", b'use "./nowhere.bcp"\n' + PLAN, "exit=1,2 code=E111 located", desc="an import that does not exist")
case("use-empty-path", b'use ""\n' + PLAN, "exit=1,2 code=E111,E112,E130-E139,E001-E009 located", desc="an empty import path")
case("use-nul-path", b'use "./a\\u{0}b.bcp"\n' + PLAN, "exit=1,2 code=E111,E112,E130-E139,E001-E009,%s located" % LIMIT, desc="a NUL escape in an import path")
case("use-self", b'use "./use-self.bcp"\n' + PLAN, "exit=1,2 code=E113,E130-E139 located max-seconds=2", desc="a file that imports itself")
# --- inputs run.sh makes: big, special files, endless streams
def made(name, desc, *specs):
    cases[name] = (None, list(specs), desc)
made("deep-list-40000", "40,000 nested lists (a stack overflow in the model builder)", "gen=list:40000 exit=2 code=%s max-seconds=3" % LIMIT, "gen=list:40000 cmd=fmt exit=2 max-seconds=3", "gen=list:40000 cmd=diff exit=2 max-seconds=3")
made("deep-blocks-30000", "30,000 nested blocks (crashed fmt and parse --tree)", "gen=blocks:30000 exit=2 code=%s max-seconds=3" % LIMIT, "gen=blocks:30000 cmd=fmt exit=2 max-seconds=3", "gen=blocks:30000 cmd=parse exit=2 max-seconds=3")
made("unclosed-brackets-65531", "65,531 unclosed [ (heap corruption inside libtree-sitter 0.20.7)", "gen=unclosed:65531 exit=2 code=%s max-seconds=3" % LIMIT, "gen=unclosed:65531 cmd=fmt exit=2 max-seconds=3", "gen=unclosed:65531 cmd=parse exit=2 max-seconds=3")
made("unclosed-blocks-100000", "100,000 unclosed blocks", "gen=unclosed-blocks:100000 exit=2 code=%s max-seconds=3" % LIMIT)
made("long-line-2mb", "a 2 MiB line", "gen=longline:2097152 exit=2 code=%s located max-seconds=2" % LIMIT)
made("long-string-300k", "a 300 KB string: time stays linear", "gen=longstring:300000 exit=0,1,2 max-seconds=2")
made("secret-string-300k", "a 300 KB string after 'password:' (secret-in-plan took 13 s)", "gen=secretstring:300000 exit=1,2 max-seconds=2")
made("oneline-25000", "25,000 entities on one line (18 s: the column computation)", "gen=oneline:25000 exit=0,1,2 max-seconds=3")
made("oneline-100000", "100,000 entities on one line (272 s)", "gen=oneline:100000 exit=0,1,2 max-seconds=10")
made("oneline-findings-20000", "20,000 findings on one line: every finding printed the whole line", "gen=oneline-findings:20000 exit=1,2 max-seconds=3")
made("phone-backtrack", "a 4.9 KB phone number (the invalid-phone pattern backtracked: 5 s)", "gen=phone:2400 exit=1 code=C103 max-seconds=2")
made("imports-5000", "5,000 imports of files that do not exist", "gen=imports:5000 exit=1,2 code=E111,E130-E139 max-seconds=3")
made("fmt-nesting-3000", "fmt on 3,000 blocks nested on one line (41 KB in gave 800 MB out)", "gen=blocks-oneline:3000 cmd=fmt exit=2 max-seconds=3")
made("fmt-nesting-200", "fmt on 200 blocks nested on one line: linear output, in time", "gen=blocks-oneline:200 cmd=fmt exit=0 max-seconds=2")
made("only-newlines-many", "200,000 empty lines", "gen=newlines:200000 exit=0 max-seconds=3")
made("long-id-generated", "a 100,000-character id", "gen=longid:100000 exit=0,1,2 max-seconds=2")
made("sparse-1g", "a 1 GB sparse file: refused by its size before it is read", "setup=sparse exit=2 code=%s max-seconds=2" % LIMIT, "setup=sparse cmd=fmt exit=2 max-seconds=2")
made("big-file-20mb", "a 20 MB plan: over the file size limit", "setup=big-file exit=2 code=%s max-seconds=5" % LIMIT)
made("dev-zero", "bcp check /dev/zero: not a regular file", "setup=dev-zero exit=2 code=%s max-seconds=2" % LIMIT, "setup=dev-zero cmd=fmt exit=2 max-seconds=2", "setup=dev-zero cmd=parse exit=2 max-seconds=2")
made("dev-zero-link", "plan.bcp a symlink to /dev/zero", "setup=dev-zero-link exit=2 code=%s max-seconds=2" % LIMIT)
made("stdin-endless", "an endless stream on standard input: read with a cap", "setup=stdin-endless exit=2 code=%s max-seconds=5" % LIMIT)
made("stdin-zero", "fmt - </dev/zero", "setup=stdin-zero cmd=fmt exit=2 max-seconds=3", "setup=stdin-zero exit=2 max-seconds=3")
made("fifo", "checking a FIFO (hung forever)", "setup=fifo exit=2 code=%s max-seconds=2" % LIMIT)
made("fifo-import", "importing a FIFO (hung forever)", "setup=fifo-import exit=1,2 code=%s,E130-E139 located max-seconds=2" % LIMIT)
made("dev-import", "importing a device", "setup=dev-import exit=1,2 code=%s,E130-E139 located max-seconds=2" % LIMIT)
made("dir-import", "importing a directory", "setup=dir-import exit=1,2 code=%s,E111,E130-E139 located max-seconds=2" % LIMIT)
made("dir-named-bcp", "a directory named plan.bcp", "setup=dir-named-bcp exit=1,2 max-seconds=2")
made("empty-dir", "bcp check on an empty folder (exited 0 silently)", "setup=empty-dir exit=1,2 max-seconds=2")
made("symlink-out", "check DIR where a .bcp symlink points out of the tree at a credentials file", "setup=symlink-out not-contains=ghp_LEAKEDTOKEN max-seconds=2", "setup=symlink-out cmd=check args=--format,gcc not-contains=ghp_LEAKEDTOKEN max-seconds=2")
made("symlink-import", "an import through a symlink that leaves the git tree", "setup=symlink-import exit=1,2 code=E112,E130-E139 not-contains=ghp_LEAKEDTOKEN max-seconds=2")
made("stdlib-escape", "--stdlib DIR with use std/../ to an existing file outside it", "setup=stdlib-escape exit=1,2 code=E112,E130-E139 no-code=E111 not-contains=ghp_LEAKEDTOKEN max-seconds=2")
made("stdlib-probe", "the same to a file that does not exist: the escape is reported, not whether it exists", "setup=stdlib-probe exit=1,2 code=E112,E130-E139 no-code=E111 max-seconds=2")
for name, (body, side, desc) in cases.items():
    if body is not None:
        with open(os.path.join(H, name + ".bcp"), "wb") as f:
            f.write(body)
    if side is not None:
        with open(os.path.join(H, name + ".expect"), "w") as f:
            f.write("# %s\n" % desc)
            for s in side:
                f.write(s + "\n")
print(len(cases))
