#!/bin/sh
# A locale that is not UTF-8 (LC_ALL=C, or one the system does not have):
# kijun says so once on stderr and switches to C.UTF-8, so Japanese still
# shows as Japanese, not as <U+XXXX> codes.  (Without any UTF-8 locale it
# carries on in C and English: tests/unit/test_locale.c.)
. "$(dirname "$0")/lib.sh"

for asked in C xx_XX.bogus; do
	start LC_ALL=$asked
	wait_for "閲覧"
	assert_line 1 '^ kijun \| 情報セキュリティ管理基準  令和7年3月改訂版$'
	assert_contains "- III ガバナンス基準"
	assert_not_contains "<U+"
	keys q
	wait_exit 10
	assert_eq "$(cat "$(status_file)")" 0 "exit status with LC_ALL=$asked"
	assert_eq "$(cat "$(stderr_file)")" \
		"kijun: ロケール「$asked」は UTF-8 ではないため、C.UTF-8 を使います" \
		"stderr with LC_ALL=$asked"
done

# A UTF-8 locale: nothing is said.
start LC_ALL=C.UTF-8
wait_for "閲覧"
finish
pass
