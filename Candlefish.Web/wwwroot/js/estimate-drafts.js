// Unsaved estimate inputs kept in this browser until the server confirms them (issue 6: nothing typed is lost when the
// connection drops or the circuit is lost). One draft per estimate, keyed by tenant, estimate and the revision it was
// edited from: "candlefish.estimate-draft.<tenant>.<estimate>.r<revision>".
const root = 'candlefish.estimate-draft.';

function keysOf(prefix) {
    const keys = [];
    for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
}

export function keep(tenant, estimate, revision, json) {
    const prefix = `${root}${tenant}.${estimate}.`;
    for (const key of keysOf(prefix)) localStorage.removeItem(key);
    localStorage.setItem(`${prefix}r${revision}`, json);
}

export function forget(tenant, estimate) {
    for (const key of keysOf(`${root}${tenant}.${estimate}.`)) localStorage.removeItem(key);
}

// The draft kept for this estimate, if any: { revision, json }.
export function find(tenant, estimate) {
    const key = keysOf(`${root}${tenant}.${estimate}.`)[0];
    if (!key) return null;
    return { revision: parseInt(key.substring(key.lastIndexOf('.r') + 2), 10), json: localStorage.getItem(key) };
}

// While the circuit is away (the reconnect overlay is up), the server cannot say so: the page says it itself.
export function watchConnection(element) {
    const timer = setInterval(() => {
        if (!element.isConnected) { clearInterval(timer); return; }
        const modal = document.getElementById('components-reconnect-modal');
        const away = modal && /components-reconnect-(show|failed|rejected)/.test(modal.className);
        if (away) { element.textContent = 'Offline — kept in this browser'; element.dataset.state = 'Offline'; }
    }, 500);
}
