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

export function clearStatus() {
  box.textContent = '';
  box.classList.remove('error');
}
