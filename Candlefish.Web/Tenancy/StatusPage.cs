using System.Text.Encodings.Web;

namespace Candlefish.Web.Tenancy;

/// <summary>
/// The friendly page for a request that never reaches a tenant (unknown host, suspended tenant). It is
/// plain HTML because there is no tenant, and so no tenant layout, to render it in.
/// </summary>
public static class StatusPage
{
    public static string Render(int statusCode, string title, string detail)
    {
        var html = HtmlEncoder.Default;
        var hint = statusCode == StatusCodes.Status404NotFound
            ? "Check the address, or go to the Candlefish home page."
            : "If you think this is a mistake, contact the business or Candlefish support.";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{{html.Encode(title)}} · Candlefish</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f6f7f9; color: #1f2933; margin: 0; display: grid; place-items: center; min-height: 100vh; }
                main { background: #fff; padding: 2.5rem 3rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); max-width: 32rem; }
                .code { font-size: .9rem; color: #7b8794; letter-spacing: .08em; }
                h1 { margin: .25rem 0 1rem; font-size: 1.6rem; }
                p { line-height: 1.5; }
              </style>
            </head>
            <body>
              <main data-status="{{statusCode}}">
                <div class="code">ERROR {{statusCode}}</div>
                <h1>{{html.Encode(title)}}</h1>
                <p>{{html.Encode(detail)}}</p>
                <p>{{html.Encode(hint)}}</p>
              </main>
            </body>
            </html>
            """;
    }
}
