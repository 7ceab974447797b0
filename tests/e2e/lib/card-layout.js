// Layout checks run inside the card page after a render: words broken inside (a line that ends mid-word, e.g.
// "experienc|e" in a narrow column) and text cut off (an ellipsis, a clipped button title).

/** Installs window.cardLayout on the page; call once after openCardPage. */
export async function installLayoutChecks(page) {
  await page.evaluate(() => {
    const isShown = (element) => element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const letter = /[\p{L}\p{N}]/u;
    const excerpt = (text, i) => `${text.slice(Math.max(0, i - 18), i)}|${text.slice(i, i + 18)}`.replace(/\s+/g, ' ');
    window.cardLayout = {
      // A new line starting between two letters of one text node is a word broken inside.
      brokenWords() {
        const root = document.getElementById('card');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        const found = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent;
          if (text.trim().length < 2 || !isShown(node.parentElement)) continue;
          let previous = null;
          for (let i = 0; i < text.length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            if (previous && rect.top > previous.top + previous.height / 2 && letter.test(text[i]) && letter.test(text[previous.index])) {
              found.push(excerpt(text, i));
            }
            previous = { top: rect.top, height: rect.height, index: i };
          }
        }
        return found;
      },
      // Text wider than its box that the renderer clips (ellipsis or overflow hidden): a value or a title cut off.
      cutOff() {
        const found = [];
        for (const element of document.querySelectorAll('#card *')) {
          if (!isShown(element) || !element.textContent.trim()) continue;
          const style = getComputedStyle(element);
          const clips = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflow === 'hidden';
          if (clips && element.scrollWidth > element.clientWidth + 1 && element.children.length === 0) {
            found.push(element.textContent.trim().slice(0, 60));
          }
        }
        return found;
      },
    };
  });
}
