#!/usr/bin/python3
"""Makes popcast plot's font: cli/src/main/resources/org/popcast/cli/plot/fonts/NotoSansSC-{Regular,Bold}.otf.

Source: Debian's fonts-noto-cjk (NotoSansCJK-{Regular,Bold}.ttc, face 2 = Noto Sans CJK SC, version 2.004).
Kept: every character of GB 2312 (all 6763 hanzi of the standard simplified set, which holds every
Chinese name in popcast's embedded tables), ASCII, Latin-1, Latin Extended-A and the few signs plots draw.
Needs Debian's fonttools: apt-get install fonts-noto-cjk fonttools; then run this from any folder.
"""
import pathlib
import subprocess

here = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/org/popcast/cli/plot/fonts"
chars = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
chars |= {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x180)}
chars |= set("–—‘’“”…‰′″±×÷−≤≥≈·•²³¹⁰⁴⁵⁶⁷⁸⁹⁻→←↑↓µ€℃°\u2009\u202f")
text = here / "chars.tmp"
text.write_text("".join(sorted(chars)), encoding="utf-8")
try:
    for weight in ("Regular", "Bold"):
        subprocess.run(["pyftsubset", f"/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc", "--font-number=2",
                        f"--text-file={text}", "--layout-features=kern,liga", "--no-hinting", "--name-IDs=*",
                        "--name-languages=*", f"--output-file={here / f'NotoSansSC-{weight}.otf'}"], check=True)
finally:
    text.unlink()
