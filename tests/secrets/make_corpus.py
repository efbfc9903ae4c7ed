#!/usr/bin/env python3
"""Writes tests/secrets/secrets.txt: FAKE credentials in the shapes real
ones take, one plan text per line, for the secret detector's recall test.

Every value is generated from a fixed seed: right-shaped random strings, with
EXAMPLE / FAKE spelled into the body wherever the provider's format allows
it, so that none is a real credential and scanners that know these formats
can tell.  normal.txt (the false-positive side) is written by hand and from
the plans' own prose; this script does not touch it.

usage: python3 tests/secrets/make_corpus.py > tests/secrets/secrets.txt"""
import random
import string

rng = random.Random(20261204)
UP = string.ascii_uppercase
LOW = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LOW + DIG
B64 = ALNUM + "+/"
URLSAFE = ALNUM + "_-"
HEX = "0123456789abcdef"


def r(chars, n):
    return "".join(rng.choice(chars) for _ in range(n))


def fake(chars, n, word="EXAMPLE"):
    """n characters of `chars`, `word` spelled in (when it fits the alphabet)."""
    body = r(chars, n)
    if all(c in chars for c in word) and n > len(word) + 4:
        at = rng.randrange(2, n - len(word) - 1)
        body = body[:at] + word + body[at + len(word):]
    return body


def pw():
    return r(LOW, 3) + r(UP, 2) + r(DIG, 3) + rng.choice("!#%&*@") + r(LOW, 2)


lines = []
add = lines.append

# AWS
for _ in range(4):
    add("Restore from S3 with access key AKIA" + fake(UP + DIG, 16))
add("IAM role session key ASIA" + fake(UP + DIG, 16) + " expires nightly")
for _ in range(3):
    add("aws_secret_access_key = " + fake(B64, 40, "EXAMPLEKEY"))
add("AWS_SECRET_ACCESS_KEY=" + fake(B64, 40, "FAKEKEY"))
# Google Cloud
for _ in range(3):
    add("Maps API key AIza" + fake(URLSAFE, 35))
add("OAuth client secret GOCSPX-" + fake(URLSAFE, 28))
add("access token ya29." + fake(URLSAFE, 60))
add('service account "private_key_id": "' + r(HEX, 40) + '"')
# Azure
for _ in range(3):
    add("DefaultEndpointsProtocol=https;AccountName=acmebackup;AccountKey=" + fake(B64, 86, "EXAMPLE") +
        "==;EndpointSuffix=core.windows.net")
add("Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
    "SharedAccessKey=" + fake(B64, 43) + "=")
add("https://acmebackup.blob.core.windows.net/plans?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01&sig=" +
    fake(ALNUM, 43) + "%3D")
for _ in range(2):
    add("Entra app client secret " + r(URLSAFE, 3) + r(DIG, 1) + "Q~" + fake(URLSAFE, 34))
# GitHub / GitLab
for prefix in ("ghp_", "gho_", "ghs_", "ghu_"):
    add("CI deploy token " + prefix + fake(ALNUM, 36))
add("fine-grained token github_pat_" + fake(ALNUM, 22) + "_" + fake(ALNUM, 59))
for prefix in ("glpat-", "glptt-", "gldt-"):
    add("GitLab token " + prefix + fake(URLSAFE, 20))
# Slack
for p in ("xoxb", "xoxp", "xoxa"):
    add("Slack bot token " + p + "-" + r(DIG, 12) + "-" + r(DIG, 12) + "-" + fake(ALNUM, 24))
for _ in range(3):
    add("Post the alert to https://hooks.slack.com/services/T" + r(UP + DIG, 8) + "/B" + r(UP + DIG, 10) +
        "/" + fake(ALNUM, 24))
add("app-level token xapp-1-A" + r(UP + DIG, 10) + "-" + r(DIG, 13) + "-" + r(HEX, 64))
# Stripe
for p in ("sk_live_", "rk_live_", "sk_test_"):
    add("Stripe key " + p + fake(ALNUM, 24))
add("webhook signing secret whsec_" + fake(ALNUM, 32))
# npm
for _ in range(3):
    add("//registry.npmjs.org/:_authToken=npm_" + fake(ALNUM, 36))
# OpenAI / Anthropic
add("OPENAI_API_KEY=sk-" + fake(ALNUM, 48))
add("OpenAI project key sk-proj-" + fake(URLSAFE, 64))
add("assistant uses sk-ant-api03-" + fake(URLSAFE, 80))
# Twilio
add("Twilio API key SK" + r(HEX, 32))
add("TWILIO_AUTH_TOKEN=" + r(HEX, 32))
add("Twilio auth token: " + r(HEX, 32))
# SendGrid
for _ in range(3):
    add("SendGrid key SG." + fake(URLSAFE, 22) + "." + fake(URLSAFE, 43))
# Telegram
add("alert bot token " + r(DIG, 10) + ":AA" + fake(URLSAFE, 33))
# JWT
for _ in range(3):
    add("Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + fake(URLSAFE, 40) + "." +
        fake(URLSAFE, 43))
add("session eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ" + fake(URLSAFE, 30) + "." + fake(URLSAFE, 40))
add("Authorization: Bearer " + fake(ALNUM, 40))
add("Authorization: Basic " + fake(B64, 24) + "==")
# Private keys
for kind in ("RSA ", "OPENSSH ", "EC ", "", "ENCRYPTED ", "DSA "):
    add("-----BEGIN " + kind + "PRIVATE KEY----- " + fake(B64, 64) + " -----END " + kind + "PRIVATE KEY-----")
add("-----BEGIN PGP PRIVATE KEY BLOCK----- " + fake(B64, 60))
add("PuTTY-User-Key-File-3: ssh-ed25519")
# Credentials in URLs
for scheme in ("https", "ftp", "postgres", "mysql", "smb", "redis"):
    add("Backup target " + scheme + "://backup:" + pw() + "@files.acme.example/plans")
add("amqp://guest:" + pw() + "@mq.internal:5672/")
# URL query keys (DingTalk, WeCom robots)
add("钉钉机器人 https://oapi.dingtalk.com/robot/send?access_token=" + r(HEX, 64))
add("企业微信群机器人 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + r(HEX, 8) + "-" + r(HEX, 4) +
    "-" + r(HEX, 4) + "-" + r(HEX, 4) + "-" + r(HEX, 12))
add("status feed https://status.acme.example/api?token=" + fake(ALNUM, 32))
# Passwords, English
for tmpl in ("Admin password: {}", "password={}", "passwd: {}", "pwd = {}", "passcode: {}",
             "Password is {}", "The root password is {} (change after use)", "passphrase: {}",
             "DB password = \"{}\"", "login admin / password: {}", "Password: '{}'", "password is: {}",
             "ERP admin pwd: {}", "Password was {} until the reset", "client secret: {}",
             "API key: {}", "access key = {}", "secret: {}", "credentials: admin/{}"):
    add(tmpl.format(pw()))
add("password: CorrectHorseBattery")
add("db_password: " + r(LOW, 8) + r(DIG, 4))
# Passwords, Chinese
for tmpl in ("管理员密码是{}", "密码：{}", "密码: {}", "密码＝{}", "密码={}", "口令为{}", "口令：{}",
             "数据库密码为 {}", "服务器 root 密码是：{}", "VPN 密码 {}", "邮箱密码：“{}”", "密钥：{}",
             "令牌为 {}", "备份系统登录密码是{}，请勿外传", "财务系统口令 {}", "路由器管理密码＝{}"):
    add(tmpl.format(pw()))
# PINs
for tmpl in ("Door PIN: {}", "PIN {}", "alarm code {}", "safe code: {}", "PIN code is {}", "门禁密码 {}",
             "保险柜密码：{}", "PIN码：{}", "SIM card PIN = {}", "passcode {}", "门禁码 {}", "PIN: {}"):
    add(tmpl.format(r(DIG, rng.choice((4, 6)))))
# Wi-Fi and VPN keys
for tmpl in ("Wi-Fi password: {}", "WiFi key: {}", "WPA2 key: {}", "WPA2-PSK: {}", "Office Wi-Fi key is {}",
             "VPN pre-shared key: {}", "IPsec PSK = {}", "preshared key: {}", "VPN secret: {}", "WLAN 密码：{}",
             "无线网络密码为 {}", "VPN 预共享密钥：{}", "network key: {}"):
    add(tmpl.format(pw()))
add("guest Wi-Fi password: " + r(LOW, 6) + r(DIG, 4))
# Generic high-entropy values assigned to a key, secret or token
for name in ("ENCRYPTION_KEY", "backup_encryption_key", "signing_secret", "session_token", "HMAC_KEY",
             "vault_token", "license_key"):
    add(name + "=" + r(ALNUM, 32))
add("backup key (AES-256): " + r(HEX, 64))

# Written by hand in phrasings the detector had not been tuned on (it found
# 4 of these 15 at first, 10 after the labels and formats they showed were
# added; the 5 it still misses are kept as the honest part of the recall).
HAND_WRITTEN = [
    'If the ERP is down log in as admin with Summer2026! on the fallback server',
    'Backup NAS: user backup, pass Qw7#mx2Lp',
    'The alarm system code: 7391',
    'mysql -u root -pR00tFAKEpw9 erp',
    'heroku api key 4b7f2f3e-EXAMPLE-4d2a-9c3b-8e1f0a6d5c21',
    'PGPASSWORD=pgFAKE8842x psql -h db01',
    '备用服务器登录：用户名 admin，密码 Adm1n@2026',
    '保险箱密码 739105',
    '"password": "FAKEpw#2026x"',
    'Mailgun key-3ax6xnjp29jd6fds4gc373sgvjxteol0',
    'Jira token ATATT3xFfGF0EXAMPLEtoken7kP2mQ9',
    'Zoom host key 582934',
    'secret_key_base: 6f1e9a0c4b7d2e8f3a5c1b9d7e0f2a4c6b8d0e2f',
    'smtp://alerts:Mail#Relay99@smtp.acme.example:587',
    'wifi: ssid AcmeGuest / key Gu3st-Acme-2026',
]
lines.extend(HAND_WRITTEN)

for line in lines:
    print(line)
