// One place to tell the user something went wrong, in words; the page keeps working.
const box = document.getElementById('status');

export function showError(error) {
  box.textContent = error instanceof Error ? error.message : String(error);
  box.classList.add('error');
}

export function showMessage(text) {
  box.textContent = text;
  box.classList.remove('error');
}

// Add a sentence to what the status line already says (several notes about
// one URL are read together); an error already shown stays first.
export function addMessage(text) {
  if (!box.textContent) { showMessage(text); return; }
  if (!box.textContent.includes(text)) box.textContent = `${box.textContent} ${text}`;
}

export function clearStatus() {
  box.textContent = '';
  box.classList.remove('error');
}
