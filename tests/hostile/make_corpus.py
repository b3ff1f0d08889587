#!/usr/bin/env python3
"""Writes the hostile-pages corpus (tests/hostile/pages/) and its expectations
(tests/hostile/expect.tsv). Every page is invented here; run again after an
edit (the files are checked in, so the test needs no Python).

expect.tsv: one line per page, "<file>\t<outcome>": "ok" when every document
in it must be extracted, else a part of the stderr line that must name it
(the reason it is refused), or "any" when either is fine (the page must
still not crash, hang or print anything but attache's own lines)."""
import gzip, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, 'pages')
os.makedirs(out, exist_ok=True)
expect = []

PROSE = ('Foreign Minister Sergei Lavrov arrived in Baku on Monday for talks with President Ilham Aliyev, '
         'the ministry said. "We expect progress on the corridor," Lavrov told reporters in the capital. ')


def page(name, data, outcome='ok'):
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
    expect.append((name, outcome))


def html(body, head='<title>Hostile page</title>', pre=''):
    return pre + '<!DOCTYPE html><html><head>' + head + '</head><body><article>' + body + '</article></body></html>'


def text(body, url='https://example.org/hostile'):
    return 'URL: ' + url + '\n\nA hostile page\n\n5 April 2024\n\n' + body + '\n'


# --- Invalid encodings -------------------------------------------------------
page('enc_bad_utf8.html', html('<p>' + PROSE + '</p>').encode() .replace(b'Baku', b'Ba\xff\xfeku')
     .replace(b'corridor', b'corr\x80\x80idor') + b'<p>cut \xe2\x82</p>' + b'<p>' + PROSE.encode() + b'\xc3</p>')
page('enc_overlong_utf8.txt', text(PROSE).encode()
     + b'slash \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf nul \xc0\x80 surrogate \xed\xa0\x80\xed\xbf\xbf '
       b'beyond \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 \xfc\x84\x80\x80\x80\x80 ' + PROSE.encode() + b'\n')
page('enc_cp1251_labelled_utf8.html',
     html('<p>' + 'Министр иностранных дел Сергей Лавров прибыл в Баку в понедельник. ' * 8 + '</p>',
          head='<meta charset="utf-8"><title>Лавров в Баку</title>').encode('cp1251'))
page('enc_utf8_labelled_latin1.html',
     html('<p>' + PROSE + ' Ça va, déjà vu, naïve — “quoted” ' + '</p>',
          head='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Mislabelled</title>'))
page('enc_utf16le_no_bom.html', html('<p>' + PROSE * 3 + '</p>').encode('utf-16-le'))
page('enc_utf16be_no_bom.txt', text(PROSE * 3).encode('utf-16-be'))
page('enc_utf16_odd_length.html', b'\xff\xfe' + html('<p>' + PROSE + '</p>').encode('utf-16-le') + b'\x00\x3c\x00')
page('enc_unknown_charset.html', html('<p>' + PROSE + '</p>', head='<meta charset="x-klingon-42"><title>K</title>'))
page('enc_bom_contradicts_meta.html',
     b'\xef\xbb\xbf' + html('<p>' + PROSE + '</p>', head='<meta charset="utf-16"><title>B</title>').encode())
page('enc_nul_bytes.txt', text(PROSE).encode().replace(b' ', b' \x00', 20))
page('enc_bad_entities.html', html('<p>' + PROSE + ' &#0; &#xD800; &#x110000; &#99999999999999999999; &#; &#x; '
                                   '&amp &notanentity; &lt&gt &#65&#66 &' + 'a' * 500 + ';</p>'))
page('enc_binary.bin', bytes(range(256)) * 8, 'unsupported')
page('enc_empty.html', '   \n\t  \n', 'empty')

# --- Broken markup -----------------------------------------------------------
page('mk_unclosed_tags.html', '<html><head><title>Unclosed<body><div><div><p>' + PROSE + '<p>' + PROSE
     + '<table><tr><td><ul><li><b><i><a href="x">' + PROSE)
page('mk_stray_html_close.html', '</html></body></html>' + html('<p>' + PROSE + '</p></html></html></body><p>'
     + PROSE + '</p>' + '</html>' * 200) + '</html>' * 200)
page('mk_comment_never_ends.html', html('<p>' + PROSE + '</p><!-- this comment never ends <p>' + PROSE * 5))
page('mk_comment_tricks.html', html('<!--> <p>' + PROSE + '</p> <!---> <!-- -- --!> <p>' + PROSE + '</p> <!--->'))
page('mk_cdata.html', html('<p>' + PROSE + '</p><![CDATA[ <p>not markup</p> ]]><svg><![CDATA[' + PROSE
     + ']]></svg><![CDATA[ never ends ' + PROSE))
page('mk_script_never_closed.html', html('<p>' + PROSE + '</p><script>var a = "</p>"; ' + 'x = 1; ' * 500))
page('mk_style_and_title_never_closed.html', '<html><head><title>' + PROSE + '<style>p { color: red }' + PROSE, 'any')
page('mk_attribute_100kb.html', html('<p data-x="' + 'A' * 100000 + '">' + PROSE + '</p><p title=\'' + '"' * 2000
     + '\'>' + PROSE + '</p>'))
page('mk_attribute_quote_never_closed.html', html('<p>' + PROSE + '</p><a href="https://example.org/' + PROSE * 20))
page('mk_many_attributes.html', html('<p ' + ' '.join('a%d=%d' % (i, i) for i in range(5000)) + '>' + PROSE + '</p>'))
page('mk_tag_soup.html', '<<<<>>>></></ /><p<p<p>' + PROSE + '</p/></p//><a <b <c>' + PROSE + '<' + '</' * 1000)
page('mk_jsonld_deep.html', html('<p>' + PROSE + '</p>', head='<title>D</title><script type="application/ld+json">'
     + '[' * 20000 + ']' * 20000 + '</script><script type="application/ld+json">{"@type":"NewsArticle",'
     '"articleBody":' + '{"a":' * 5000 + '1' + '}' * 5000 + '}</script>'))
page('mk_jsonld_broken.html', html('<p>' + PROSE + '</p>', head='<title>J</title><script type="application/ld+json">'
     '{"@type": "NewsArticle", "headline": "Cut \\ud800 off", "datePublished": "2024-02-31T25:61:61Z", '
     '"author": [{"name": ' + '"x",' * 100 + '</script>'))
page('mk_meta_soup.html', html('<p>' + PROSE + '</p>', head='<meta property="og:title" content=""><meta name=author>'
     '<meta property="article:published_time" content="-0001-00-00"><meta charset><time datetime="99999-99-99">'))
page('mk_only_markup.html', '<html><head></head><body>' + '<div></div>' * 2000 + '</body></html>', 'any')
page('mk_frameset.html', '<html><frameset><frame src="a.html"><noframes><p>' + PROSE + '</p></noframes></frameset>',
     'any')

# --- Adversarial quotes ------------------------------------------------------
page('q_unbalanced.txt', text('"We will go," Lavrov said. "And then. ' + PROSE + '\n\n' + '" said the minister. '
     + PROSE + ' » « » „ ” ’ ‘ ' + '"' * 3 + PROSE))
page('q_nested.txt', text('Lavrov said: "He told me \'she said «they said „we said ‘yes’ to them“ too» again\' '
     'before" the talks. ' + '"“«‹' * 50 + PROSE + '›»”"' * 50))
page('q_many_openings.txt', text(PROSE + '\n\n' + '"word ' * 15000 + '\n\n' + '“said ' * 5000 + '\n\n' + PROSE))
page('q_across_paragraphs.txt', text('"We expect progress,\n\n' + PROSE + '\n\n' + '"and more progress\n\n'
     + PROSE + '\n\n' + 'and the end," Lavrov said.\n\n' + ('"' + PROSE + '\n\n') * 40))
page('q_only_marks.txt', text('"' * 20000 + '\n\n' + '«»' * 5000 + '\n\n' + PROSE), 'any')
page('q_speaker_loops.txt', text('"Yes," he said. "No," she said. "Maybe," they said. "He said," he said. ' * 200
     + PROSE))
page('q_apostrophes.txt', text("It's Lavrov's 'visit' ain't o'clock '" + "'" * 3000 + ' ' + PROSE))

# --- Adversarial dates -------------------------------------------------------
page('d_impossible.txt', text('Lavrov will arrive in Baku on 31 February for talks. He visited Tbilisi on 30 February '
     '2023 and Yerevan on 0 March. Aliyev will travel to Moscow on 32 May. ' + PROSE), 'ok')
page('d_far_years.txt', text('In the year 99999 Lavrov will visit Baku. In 0000 and in year -44 and on 1 January 10000, '
     'and on 1 January 999999999999 the president visited Tbilisi. ' + PROSE))
page('d_relative_chains.txt', text('Lavrov will visit Baku next next week. Aliyev arrives the day after the day after '
     'tomorrow, last next Monday, ' + 'next ' * 500 + 'week, ' + 'the day before ' * 200 + 'yesterday. ' + PROSE))
page('d_huge_numbers.txt', text('Lavrov arrived in Baku on ' + '9' * 400 + ' April ' + '1' * 400 + '. On day ' + '7' * 400
     + ' of the visit, ' + '3' * 400 + ' delegates met. ' + PROSE + ' ' + '12345678901234567890' * 20 + '.'))
page('d_bad_published.html', html('<p>' + PROSE + '</p>', head='<title>Dates</title>'
     '<meta property="article:published_time" content="2024-02-30T99:99:99+99:99">'
     '<meta name="date" content="' + '9' * 400 + '">'), 'ok')
page('d_bad_published.txt', 'URL: https://example.org/d\n\nDates\n\n31 February 99999 25:61\n\n' + PROSE + '\n')

# --- JSON lines, WARC --------------------------------------------------------
lines = [
    json.dumps({'url': 'https://example.org/j1', 'text': 'Good line\n\n' + PROSE}),
    '{"url": "https://example.org/j2", "text": "cut',
    '[1, 2, 3]',
    '{"url": "https://example.org/j3", "html": 42}',
    '{"url": "https://example.org/j4", "text": "lone \\ud800 surrogate and \\udfff too\\n\\n' + PROSE.replace('"', '\\"')
    + '"}',
    '{"url": 1e999999, "text": "Huge\\n\\n' + PROSE.replace('"', '\\"') + '"}',
    '{"a":' * 3000 + '1' + '}' * 3000,
    '{"url": "https://example.org/j5", "text": "x", "text": "Duplicate key\\n\\n' + PROSE.replace('"', '\\"') + '"}',
    json.dumps({'url': 'https://example.org/j6', 'html': html('<p>' + PROSE + '</p>'), 'extra': [[[[[]]]]]}),
]
page('jl_mixed.jsonl', '\n'.join(lines) + '\n', 'jl_mixed.jsonl:2: corrupt')


def record(body, length=None, kind='response'):
    n = len(body) if length is None else length
    return (b'WARC/1.0\r\nWARC-Type: ' + kind.encode() + b'\r\nWARC-Target-URI: http://example.org/w\r\n'
            b'Content-Length: ' + str(n).encode() + b'\r\n\r\n' + body + b'\r\n\r\n')


http_ok = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' + html('<p>' + PROSE + '</p>').encode()
page('w_bad_lengths.warc', record(http_ok) + record(http_ok, len(http_ok) - 7) + record(http_ok, 10 ** 30)
     + b'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n' + record(http_ok), 'corrupt')
page('w_broken_http.warc', record(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n')
     + record(b'HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00garbage')
     + record(b'HTTP/9 999\r\n\r\n' + PROSE.encode()) + record(http_ok), 'any')
page('w_truncated.warc.gz', gzip.compress(record(http_ok) + record(http_ok))[:-40], 'truncated gzip stream')

with open(os.path.join(here, 'expect.tsv'), 'w') as f:
    f.write('# file\toutcome (see make_corpus.py)\n')
    for name, outcome in sorted(expect):
        f.write(name + '\t' + outcome + '\n')
total = sum(os.path.getsize(os.path.join(out, n)) for n, _ in expect)
print('%d pages, %d bytes' % (len(expect), total), file=sys.stderr)
