using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Candlefish.Tests.Support;

/// <summary>
/// A second, throw-away PostgreSQL cluster on this machine (initdb + pg_ctl from the machine's binaries, as
/// the postgres user when the tests run as root), with the same owner and app roles: the "another server"
/// a Database-tier tenant may live on.
/// </summary>
public sealed class SecondPostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine("/var/tmp", "cf-second-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _password = Guid.NewGuid().ToString("N");

    public int Port { get; private set; }

    public string Host => "127.0.0.1";

    public string AdminConnectionString => $"Host={Host};Port={Port};Username=postgres;Password={_password}";

    /// <summary>A Database-tier target on this server: no credentials, those come from configuration.</summary>
    public string TargetFor(string database) => $"Host={Host};Port={Port};Database={database}";

    private static string BinDirectory =>
        Environment.GetEnvironmentVariable("CANDLEFISH_PG_BIN") is { Length: > 0 } bin
            ? bin
            : Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).First();

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var passwordFile = Path.Combine(_folder, "pw");
        await File.WriteAllTextAsync(passwordFile, _password);
        if (IsRoot)
            await RunAsync("chown", "-R", "postgres:postgres", _folder);

        await RunPostgresToolAsync("initdb", "-D", Path.Combine(_folder, "data"), "-U", "postgres", "--auth=scram-sha-256",
            "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8");
        Port = FreePort();
        await RunPostgresToolAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w", "-t", "60",
            "-o", $"-c port={Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c synchronous_commit=off", "start");
        await TestPostgres.EnsureRolesAsync(AdminConnectionString);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunPostgresToolAsync("pg_ctl", "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<bool> DatabaseExistsAsync(string database)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString + ";Database=postgres");
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return await command.ExecuteScalarAsync() is not null;
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, tool), .. arguments])
            : RunAsync(Path.Combine(BinDirectory, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
