using Microsoft.JSInterop;

namespace Candlefish.Web.Components.Shared;

/// <summary>
/// The one way an interactive page hands a file it made to the browser (wwwroot/js/downloads.js): the bytes stream
/// over the circuit (<see cref="DotNetStreamReference"/>) and the browser saves them under the given name. Call it
/// from an event handler, never while prerendering (no JS then).
/// </summary>
public static class FileDownloads
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task SaveAsync(this IJSRuntime js, string fileName, string contentType, Stream content)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/downloads.js");
        using var reference = new DotNetStreamReference(content, leaveOpen: true);
        await module.InvokeVoidAsync("saveFile", fileName, contentType, reference);
    }
}
