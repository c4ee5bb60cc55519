using System.Net;
using System.Net.Http.Json;
using Candlefish.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candlefish.Tests.Web.Diagnostics;

public class OperationsTests(DemoCatalogApp app) : IClassFixture<DemoCatalogApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Health_and_readiness_answer_without_a_tenant()
    {
        var live = await _client.GetAsync("http://localhost/health");
        var ready = await _client.GetAsync("http://localhost/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_security_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://acme.localhost/");
        request.Headers.Add("X-Correlation-Id", "support-ticket-42");

        var response = await _client.SendAsync(request);

        Assert.Equal("support-ticket-42", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_hostile_correlation_id_is_replaced_by_the_trace_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "http://acme.localhost/api/v1/tenant");
        request.Headers.Add("X-Correlation-Id", "<script>alert(1)</script>");

        var response = await _client.SendAsync(request);

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Log_lines_written_during_a_request_carry_the_correlation_id_and_tenant()
    {
        var sink = new ScopeCapturingLoggerProvider();
        using var scopedApp = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(sink).AddFilter<ScopeCapturingLoggerProvider>(null, LogLevel.Information))));
        var request = new HttpRequestMessage(HttpMethod.Get, "http://encore.localhost/account/login");
        request.Headers.Add("X-Correlation-Id", "corr-123");

        await scopedApp.CreateClient().SendAsync(request);

        var endpointLine = Assert.Single(sink.Lines, l => l.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware" && l.Message.StartsWith("Executing endpoint"));
        Assert.Equal("corr-123", endpointLine.Scope["CorrelationId"]);
        Assert.Equal("encore", endpointLine.Scope["TenantId"]);
    }
}

/// <summary>A real logger provider that records each line with the values of the scopes around it.</summary>
internal sealed class ScopeCapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public List<(string Category, string Message, Dictionary<string, object?> Scope)> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(ScopeCapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            provider._scopes.ForEachScope((s, d) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object>> pairs)
                    foreach (var (k, v) in pairs) d[k] = v;
            }, scope);
            lock (provider.Lines)
                provider.Lines.Add((category, formatter(state, exception), scope));
        }
    }
}

/// <summary>The app when its database is unreachable: errors are friendly, never a stack trace.</summary>
public class UnreachableDatabaseTests(UnreachableDatabaseTests.BrokenApp app) : IClassFixture<UnreachableDatabaseTests.BrokenApp>
{
    public sealed class BrokenApp : CandlefishApp
    {
        // A closed port on loopback: every catalog query fails at once.
        public BrokenApp() => ConnectionOverride = ("Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2",
            "Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2");
    }

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_page_shows_the_friendly_error_page()
    {
        var response = await _client.GetAsync("http://acme.localhost/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", body);
        Assert.DoesNotContain("Npgsql", body);
        Assert.DoesNotContain(" at ", body.Replace("at this", ""));
    }

    [Fact]
    public async Task The_api_answers_with_a_500_problem_without_details()
    {
        var response = await _client.GetAsync("http://acme.localhost/api/v1/tenant");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Npgsql", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task Liveness_stays_up_while_readiness_reports_the_database()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("http://localhost/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("http://localhost/health/ready")).StatusCode);
    }
}
