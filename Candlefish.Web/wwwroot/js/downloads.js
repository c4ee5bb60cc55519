// Hands a file the server made in a circuit (an export, an error report) to the browser's own download, without a
// navigation: the bytes come over the circuit as a DotNetStreamReference and leave as a blob link clicked once.
export async function saveFile(fileName, contentType, streamReference) {
    const blob = new Blob([await streamReference.arrayBuffer()], { type: contentType });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked later, not at once: the browser may still be reading the blob when click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
