// The print button (inline handlers are not allowed by the page's security policy).
document.getElementById('print-button')?.addEventListener('click', () => window.print());
