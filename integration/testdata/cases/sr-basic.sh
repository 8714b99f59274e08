# ip sr: tunsrc show/set in every output mode, hmac show and set (this
# kernel has no SEG6 HMAC support: both tools report its refusal; the
# secret is read from stdin, /dev/null here, after the prompt on stderr),
# argument errors, abbreviations and -batch.
ip sr tunsrc show
ip sr tunsrc s
ip sr t s
ip -j sr tunsrc show
ip -j -p sr tunsrc show
ip -o sr tunsrc show
ip -c sr tunsrc show
ip sr tunsrc set 2001:db8::1
ip sr tunsrc show
ip -j sr tunsrc show
ip -r sr tunsrc show
ip sr tunsrc set 1.2.3.4
ip sr tunsrc set any
ip sr tunsrc show
ip sr tunsrc set ::ffff:1.2.3.4
ip sr tunsrc show
ip sr tunsrc set default
ip sr tunsrc show
ip sr tunsrc set ''
ip sr tunsrc set fe80::1%eth0
ip sr tunsrc set 2001:db8::/64
ip sr tunsrc set
ip sr tunsrc foo
ip sr tunsrc ''
ip sr tunsrc
ip sr tunsrc set 2001:db8::5 extra words
ip sr tunsrc show extra
ip sr hmac show
ip -j sr hmac show
ip -j -p sr hmac show
ip sr hmac set 1 sha1
ip sr hmac set 5 sha256
echo secret | ip sr hmac set 5 sha256
ip sr hmac set 0x10 sha1
ip sr hmac set 0 sha1
ip sr hmac set -1 sha1
ip sr hmac set 4294967296 sha1
ip sr hmac set x sha1
ip sr hmac set 1 md5
ip sr hmac set 1 SHA1
ip sr hmac set 1 sha
ip sr hmac set 1
ip sr hmac set
ip sr hmac foo
ip sr hmac
ip sr foo
ip sr ''
ip sr
ip sr help
ip sr h
ip sr hm show
ip sr HMAC show
printf 'sr tunsrc set 2001:db8::9\nsr tunsrc show\nsr hmac show\nsr tunsrc show\n' > b1; ip -batch b1
printf 'sr tunsrc set 2001:db8::9\nsr hmac show\nsr tunsrc show\n' > b2; ip -force -batch b2
printf 'sr tunsrc foo\nsr tunsrc show\n' > b3; ip -force -batch b3
printf 'sr tunsrc set 2001:db8::8\nsr tunsrc show\n' > b4; ip -j -batch b4
