// The report page in a real browser: Debian's chromium, headless, driven
// through puppeteer-core (tests/browser/run.sh makes the report and calls
// this).  Prints "ok ..." / "not ok ..." lines and a last line
// "browser: N passed, M failed".
//
// Usage: node page_test.js REPORT_DIR OUT_DIR [CHROMIUM]
//   REPORT_DIR  a folder written by `figtrend report` (index.html, charts)
//   OUT_DIR     where the screenshots (page-1280.png, page-390.png, and
//               page-WIDTH-full.png of the whole page) and the printed
//               page (page.pdf) go
'use strict';

const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [reportDir, outDir, chromium = '/usr/bin/chromium'] =
    process.argv.slice(2);
const MIN_TEXT_PX = 11; // the smallest chart text a phone reader can read
const WIDTHS = [1280, 390];

let passed = 0;
let failed = 0;
function check(ok, what, detail) {
    if (ok) {
        passed++;
        console.log(`ok ${what}`);
    } else {
        failed++;
        console.log(`not ok ${what}${detail ? ': ' + detail : ''}`);
    }
}

// Where each link of the page leads, checked without the network: an
// anchor must name an element of the page, a relative file must exist in
// the report's folder, a web address must at least parse.
function linkProblem(href, ids) {
    if (href.startsWith('#'))
        return ids.includes(href.slice(1)) ? null : `no element ${href}`;
    if (/^https?:\/\//i.test(href)) {
        try {
            new URL(href);
            return null;
        } catch (e) {
            return `not an address: ${href}`;
        }
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href))
        return `unexpected scheme: ${href}`;
    const file = decodeURIComponent(href.split('#')[0]);
    return fs.existsSync(path.join(reportDir, file)) ? null
                                                     : `missing file ${href}`;
}

// Every text element of one SVG chart shown at `shown` CSS px wide: its
// font size as drawn, and whether a plotted point lies under a text's box
// (a legend or label hiding a point).  The chart is opened on its own and
// scaled the way the page's <img> scales it (by its viewBox).
async function measureSvg(browser, file, shown) {
    const page = await browser.newPage();
    await page.goto('file://' + file);
    const r = await page.evaluate((shown) => {
        const svg = document.documentElement;
        const vb = svg.viewBox.baseVal;
        const w = vb && vb.width ? vb.width : svg.width.baseVal.value;
        const h = vb && vb.height ? vb.height : svg.height.baseVal.value;
        svg.setAttribute('width', shown);
        svg.setAttribute('height', (shown * h) / w);
        let min = Infinity, minText = '';
        const boxes = [];
        for (const t of svg.querySelectorAll('text')) {
            if (!t.textContent.trim())
                continue;
            const ctm = t.getScreenCTM();
            const scale = Math.hypot(ctm.a, ctm.b);
            const px = parseFloat(getComputedStyle(t).fontSize) * scale;
            if (px < min) {
                min = px;
                minText = t.textContent.trim().slice(0, 40);
            }
            boxes.push(t.getBoundingClientRect());
        }
        // Gnuplot draws each point as a <use> of a #gpPt symbol.
        let hidden = 0, points = 0;
        for (const u of svg.querySelectorAll('use')) {
            const ref = u.getAttribute('xlink:href') || u.getAttribute('href');
            if (!ref || !ref.startsWith('#gpPt') || u.closest('defs'))
                continue;
            points++;
            const p = u.getBoundingClientRect();
            const cx = p.x + p.width / 2, cy = p.y + p.height / 2;
            if (boxes.some((b) => cx >= b.left && cx <= b.right &&
                                  cy >= b.top && cy <= b.bottom))
                hidden++;
        }
        // Text running off the picture's edge is cut off.
        const edge = svg.getBoundingClientRect();
        const cut = boxes.filter((b) => b.width && (
            b.left < edge.left - 1 || b.right > edge.right + 1 ||
            b.top < edge.top - 1 || b.bottom > edge.bottom + 1)).length;
        return {min, minText, hidden, points, cut};
    }, shown);
    await page.close();
    return r;
}

async function atWidth(browser, url, width) {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => {
        if (m.type() === 'error')
            errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed',
            (r) => errors.push(`failed ${r.url()}: ${r.failure().errorText}`));
    await page.setViewport({width, height: 900, deviceScaleFactor: 1});
    await page.goto(url, {waitUntil: 'load'});
    // The charts load lazily; ask for all of them now and wait.
    const imgs = await page.evaluate(async () => {
        const list = [...document.images];
        for (const i of list)
            i.loading = 'eager';
        await Promise.all(list.map((i) => i.decode().catch(() => {})));
        return list.map((i) => ({
            src: i.getAttribute('src'),
            file: decodeURIComponent(new URL(i.src).pathname),
            ok: i.complete && i.naturalWidth > 0,
            shown: i.getBoundingClientRect().width,
        }));
    });
    const tag = `${width}px`;
    check(imgs.length > 0, `${tag}: the page shows charts`, 'no <img>');
    const broken = imgs.filter((i) => !i.ok).map((i) => i.src);
    check(broken.length === 0, `${tag}: every image loads (${imgs.length})`,
          broken.join(', '));

    const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        hrefs: [...document.querySelectorAll('a[href]')]
                   .map((a) => a.getAttribute('href')),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
        // Table cells squeezed into a column a word or two wide (under 9
        // em) with their text on three lines or more: lines counted from
        // the distinct tops of the text's line boxes.
        squeezed: [...document.querySelectorAll('td, th')].filter((c) => {
            const em = parseFloat(getComputedStyle(c).fontSize);
            if (c.clientWidth >= 9 * em)
                return false;
            const r = document.createRange();
            r.selectNodeContents(c);
            const tops = new Set([...r.getClientRects()]
                                     .filter((b) => b.width > 0)
                                     .map((b) => Math.round(b.top)));
            return tops.size >= 3;
        }).map((c) => c.textContent.trim().slice(0, 40)),
    }));
    check(m.scroll <= m.view, `${tag}: no horizontal overflow of the page`,
          `scrollWidth ${m.scroll} > ${m.view}`);
    const bad = m.hrefs.map((h) => linkProblem(h, m.ids)).filter((p) => p);
    check(bad.length === 0, `${tag}: every link resolves (${m.hrefs.length})`,
          bad.slice(0, 5).join('; '));
    check(m.squeezed.length === 0,
          `${tag}: no table cell wraps word by word`,
          m.squeezed.slice(0, 5).join(' | '));

    // Chart text as drawn at this width.
    let worst = {min: Infinity, minText: '', src: ''};
    const cut = [];
    for (const i of imgs.filter((i) => /\.svg$/i.test(i.file) && i.shown)) {
        const r = await measureSvg(browser, i.file, i.shown);
        if (r.cut)
            cut.push(`${i.src} (${r.cut})`);
        if (r.min < worst.min)
            worst = {min: r.min, minText: r.minText, src: i.src};
        if (/overview\.svg$/.test(i.file))
            check(r.points > 0 && r.hidden === 0,
                  `${tag}: the overview's text hides no point (${r.points})`,
                  `${r.hidden} of ${r.points} points under text`);
    }
    check(cut.length === 0, `${tag}: no chart text cut off at its edge`,
          cut.join(', '));
    const px = worst.min.toFixed(1);
    console.log(`# ${tag}: smallest chart text ${px} px ` +
                `("${worst.minText}" in ${worst.src})`);
    if (width <= 400)
        check(worst.min >= MIN_TEXT_PX,
              `${tag}: chart text >= ${MIN_TEXT_PX} px (${px} px)`,
              `"${worst.minText}" in ${worst.src}`);

    await page.screenshot({path: path.join(outDir, `page-${width}.png`)});
    await page.screenshot({path: path.join(outDir, `page-${width}-full.png`),
                           fullPage: true});
    check(errors.length === 0, `${tag}: no console error`,
          errors.slice(0, 5).join('; '));
    return page;
}

// A4 with 1 cm margins, in CSS px (96 a inch): what one printed page
// holds.
const A4 = {width: 718, height: 1047};

async function printed(page) {
    await page.emulateMediaType('print');
    await page.setViewport({width: A4.width, height: A4.height});
    const figs = await page.evaluate(() => [...document.querySelectorAll(
        'figure')].map((f) => ({
            avoid: getComputedStyle(f).breakInside,
            height: f.getBoundingClientRect().height,
        })));
    check(figs.length > 0 && figs.every((f) => f.avoid === 'avoid'),
          `print: every chart's figure has break-inside: avoid ` +
              `(${figs.length})`,
          figs.map((f) => f.avoid).join(','));
    // break-inside: avoid can only keep a figure whole if it fits a page.
    const tallest = Math.max(...figs.map((f) => f.height));
    check(tallest <= A4.height,
          `print: the tallest figure fits one page (${Math.round(tallest)} ` +
              `of ${A4.height} px)`);
    const pdf = path.join(outDir, 'page.pdf');
    await page.pdf({path: pdf, format: 'A4', printBackground: true,
                    margin: {top: '1cm', bottom: '1cm', left: '1cm',
                             right: '1cm'}});
    const bytes = fs.readFileSync(pdf, 'latin1');
    const pages = (bytes.match(/\/Type\s*\/Page[^s]/g) || []).length;
    check(pages > 0, `print: page.pdf written (${pages} pages)`);
}

(async () => {
    const index = path.resolve(reportDir, 'index.html');
    const url = 'file://' + index;
    const browser = await puppeteer.launch({
        executablePath: chromium,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
        let last;
        for (const w of WIDTHS)
            last = await atWidth(browser, url, w);
        await printed(last);
    } finally {
        await browser.close();
    }
})()
    .catch((e) => {
        failed++;
        console.log(`not ok the browser run: ${e && e.stack || e}`);
    })
    .finally(() => {
        console.log(`browser: ${passed} passed, ${failed} failed`);
        process.exitCode = failed ? 1 : 0;
    });
