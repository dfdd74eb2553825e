// The markup and prose of "Dot products from scratch".
import { NAMES } from './model.js';

const options = (selected) => NAMES.map((n) => `<option value="${n}"${n === selected ? ' selected' : ''}>${n}</option>`).join('');

export const vectorsHtml = ([x, y]) => `
    <article class="vec">
      <header>
        <h1>Dot products from scratch</h1>
        <p>Why do the weight pictures of the last section look like blurry digits? Step back to four numbers at a time.
        A dot product takes two lists of the same length, multiplies them place by place, and adds the products up.
        These are the chapter's five small vectors; change any entry and every number below is recomputed by the engine.</p>
      </header>
      <div class="vec-layout">
        <section class="panel" aria-labelledby="vec-edit-title">
          <h2 id="vec-edit-title">Five vectors</h2>
          <table class="vec-edit"><tbody id="vec-edit"></tbody></table>
          <p class="vec-note">Each entry takes any number from −100 to 100. <button type="button" id="vec-book">Back to the book's values</button></p>
        </section>
        <section class="panel" aria-labelledby="vec-pair-title">
          <h2 id="vec-pair-title">One pair, place by place</h2>
          <div class="vec-pick">
            <label>first <select id="vec-x">${options(x)}</select></label>
            <span aria-hidden="true">·</span>
            <label>second <select id="vec-y">${options(y)}</select></label>
          </div>
          <table class="vec-pair" id="vec-pair"></table>
          <p class="vec-sum" id="vec-sum" aria-live="polite"></p>
        </section>
      </div>
      <section class="panel" aria-labelledby="vec-all-title">
        <h2 id="vec-all-title">Every pair at once</h2>
        <p class="vec-note">Row times column; press a cell to see that pair above. The deeper the tint, the larger the score.</p>
        <div class="vec-all-wrap"><table class="vec-all" id="vec-all"></table></div>
        <div class="vec-takeaway">
          <p><strong>What the table says.</strong> Where two vectors are both large in the same places, their products pile up
          and the sum is large. Where they never share a non-zero place (a and b), every product is 0 and so is the sum.
          Where one is positive and the other negative in the same place (try c with e), that place subtracts.
          So a dot product works as a rough score of how alike two vectors are.</p>
          <p>Rough, because size counts as well as shape: double every entry of d and all its scores double, so a vector
          can score higher against a big stranger than against a copy of itself. Compare d · d with b · d.</p>
        </div>
      </section>
      <section class="panel" aria-labelledby="vec-mnist-title">
        <h2 id="vec-mnist-title">Now with 784 places: the weights for 2</h2>
        <p>The digit network's score for "2" is the same sum over 784 places: each pixel of the image times the weight
        for 2 at that pixel. The trained weights for 2 are large where 2s are usually inked, so a 2 lines up with them and
        scores high; another digit overlaps less, and where it inks pixels that 2s leave empty the weights are
        negative and pull the score down. The book prints 0.98 and 0.01 for its example; these are ours, computed now by the
        engine with this site's trained network (<code>models/chapter-linear.wlm</code>) on digits from the book's first
        1,000 training images.</p>
        <label class="vec-other">compare with the first training digit labelled <select id="vec-other"></select></label>
        <div id="vec-mnist" class="vec-mnist"><p class="vec-note">Loading the trained network…</p></div>
      </section>
    </article>`;
