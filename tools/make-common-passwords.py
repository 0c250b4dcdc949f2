#!/usr/bin/env python3
"""Writes src/Fangkong/Access/common-passwords.txt: passwords an attacker tries first.

There is no network here to fetch a published breach list, so the list is composed from the
well-known top passwords (English and Chinese pinyin/number habits) and the patterns that
dominate every published list: digit runs, keyboard walks, repeated characters, a word plus a
year or a counter. Lower case, one a line, sorted; the check compares case-insensitively.
"""
import itertools, pathlib

top = """123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321
superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh
hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey
ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555
11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer
love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor
matrix william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver 222222
88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie
richard samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro
peanut morgan welcome falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal
eagles melissa boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo
bulldog qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers iceman money cowboys
987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester
mother forever johnny edward 333333 oliver redsox player nikita knight fender barney midnight please
brandy chicago badboy slayer rangers charles angel flower rabbit wizard bigdick jasper enter rachel
chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn
fishing cocacola casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321
golden 8675309 panther lauren angela bitch spanky thx1138 angels madison winston shannon mike toyota
blowjob jordan23 canada sophie apples dick tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson
murphy cooper jonathan liverpoo david danielle 159357 jackie 1990 123456a 789456 turtle horny abcd1234
scorpion qazwsxedc 101010 butter carlos password1 dennis slipknot qwerty123 booger asdf 1991 black
startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking redskins butthead asdfghjkl
1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida dolphin pookie captain
tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers nicholas united tiffany maxwell
zzzzzz nirvana jeremy suckit stupid porn monica elephant giants jackass hotdog rosebud success debbie
mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert metallic lucky azerty 7777 shithead
alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie gators benjamin voodoo driver dexter 2112
jason calvin freddy 212121 creative 12345a sydney rush2112 1989 asdfghjk red123 bubba 4815162342
passw0rd trouble gunner happy fucker gordon legend jessie stella qwert eminem arthur apple nissan
bullshit bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield 01012011 beavis 69696969 jack
asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 girls kitten golf copper braves
shelby godzilla beaver fred tomcat august buddy airborne 1993 1988 lifehack qqqqqq brooklyn animal
platinum phantom online xavier darkness blink182 power fish green 789456123 voyager police travis 12qwaszx
heaven snowball lover abcdef 00000 pakistan 007007 walter playboy blazer cricket sniper hooters donkey
willow loveme saturn therock redwings bigboy pumpkin trinity williams tits nintendo digital destiny
topgun runner marvin guinness chance bubbles testing fire november minecraft asdf1234 lasvegas sergey
broncos cartman private celtic birdie little cassie babygirl donald beatles 1313 dickhead family 12121212
school louise gabriel eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott lovely
gibson doggie cherry andrey snickers buffalo pantera metallica member carter qwertyu peter alexande
steve bronco paradise goober 5555 samuel montana mexico dreams michigan cock carolina yankee friends
magnum surfer poopoo maximus genius cool vampire lacrosse asd123 aaaa christin kimberly speedy sharon
carmen 111222 kristina sammy racing ou812 sabrina horses 0987654321 qwerty1 pimpin baby stalker enigma
147147 star poohbear boobies 147258 simple bollocks 12345q marcus brian 1987 qweasdzxc drowssap hahaha
caroline barbara dave viper drummer action einstein bitches genesis hello1 scotty friend forest 010203
hotrod google vanessa spitfire badger maryjane friday alaska 1232323q tester jester jake champion billy
147852 rock hawaii badass chevy 420420 walker stephen eagle1 bill 1986 october gregory svetlana pamela
1984 music shorty westside stanley diesel courtney 242424 kevin hitman boobs mark 12345qwert reddog
frank qwe123 popcorn patricia aaaaaaaa 1969 teresa mozart buddha anderson paul melanie abcdefg security
lucky1 lizard denise 3333 a12345 123789 ruslan stargate simpsons scarface eagle 123456789a thumper olivia
naruto 1234554321 general cherokee a123456 vincent usuck123 1982 tinkerbell rusty crazy jimmy letmein1
zaq12wsx administrator admin admin123 root toor changeme default guest login welcome1 password123
password12 password1234 passw0rd1 p@ssw0rd p@ssword pa55word pa$$w0rd qwerty12 qwerty1234 qwerty12345
1qaz2wsx3edc zaq1xsw2 zaq1zaq1 1q2w3e 1q2w3e4r5t6y 1qazxsw23edc q1w2e3r4t5y6 abc12345 abcd12345
abc123456 iloveyou1 iloveyou123 sunshine1 princess1 football1 monkey123 dragon123 welcome123
woaini woaini1314 woaini520 woaini123 woaiwojia 5201314 520520 1314520 5211314 521521 1314521 woaini521
wodemima mima123 mima1234 zhang123 wang123 li123456 liu123456 chen123456 aini1314 zhongguo china123
beijing shanghai jilin123 changchun qq123456 qq5201314 a123456789 aa123456 abc123abc 123456abc
asdf123 asd123456 zxc123 zxc123456 zxcvbnm123 qweasd qweasd123 1qaz2wsx 112233445566 147258369a
woshishui nihao nihao123 wocaonima caonima 7758521 7758258 147852369 159357456 741852963 963852741
tianya huang123 admin888 admin@123 Admin@123 root123 test123 test1234 demo demo123 demo2022 guest123
user123 user1234 system manager service oracle 88888888 66666666 99999999 12345678910 1234567891
123456789q 123456789abc 0123456789 9876543210 1122334455 aabbccdd abcabc abcabc123 a1b2c3d4 a1b2c3
fangkong fangkong123 yiqing123 fangyi123 hesuan123 covid19 covid2019 coronavirus wuhan2020
"""
words = set(w.lower() for w in top.split())

# Digit runs, repeats, keyboard walks: what length rules alone still let through.
for n in range(4, 17):
    words.add("".join(str((i + 1) % 10) for i in range(n)))        # 1234567890...
    words.add("".join(str(9 - i % 10) for i in range(n)))          # 9876543210...
    for d in "0123456789":
        words.add(d * n)
    for c in "abcdefghijklmnopqrstuvwxyz":
        if n >= 6:
            words.add(c * n)
for walk in ["qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv", "qazwsxedcrfv", "1q2w3e4r5t6y7u8i9o0p",
             "q1w2e3r4t5y6u7i8o9p0", "!qaz@wsx", "1qaz@wsx", "qwe123asd", "1234qwerasdf", "qwertyasdfgh", "zaq12wsxcde3"]:
    for n in range(6, len(walk) + 1):
        words.add(walk[:n])
for pair in ["12", "123", "abc", "ab", "a1", "qw", "1a", "aa", "69", "007", "520", "1314"]:
    for times in range(2, 6):
        words.add(pair * times)

# A common word with the suffixes people add to reach a length rule.
bases = ["password", "passw0rd", "p@ssw0rd", "qwerty", "iloveyou", "welcome", "admin", "letmein", "monkey",
         "dragon", "sunshine", "princess", "football", "baseball", "master", "superman", "batman", "michael",
         "woaini", "wodemima", "mima", "zhongguo", "china", "beijing", "jilin", "changchun", "fangkong",
         "abc", "abcd", "test", "user", "guest", "root", "demo", "hello", "love", "secret", "shadow", "computer",
         "internet", "summer", "winter", "spring", "autumn", "changeme", "default", "access", "login", "yiqing",
         "fangyi", "hesuan", "zhihuibu", "jiance", "kadian"]
suffixes = ["1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "@123", "#123", "01", "007", "520",
            "1314", "666", "888", "2008", "2010", "2012", "2015", "2018", "2019", "2020", "2021", "2022", "2023",
            "2024", "2025", "2026", "@2020", "@2021", "@2022", "@2023", "@2024", "@2025", "@2026", "#2022"]
for base in bases:
    words.add(base)
    for s in suffixes:
        words.add(base + s)
        words.add(base.capitalize().lower() + s)
# Years and dates people use on their own.
for year in range(1950, 2031):
    words.add(str(year))
    words.add(f"{year}{year}")
    words.add(f"abc{year}")
    words.add(f"a{year}")

out = pathlib.Path(__file__).resolve().parent.parent / "src/Fangkong/Access/common-passwords.txt"
out.write_text("\n".join(sorted(w for w in words if w)) + "\n", encoding="utf-8")
print(f"{len(words)} passwords -> {out}")
