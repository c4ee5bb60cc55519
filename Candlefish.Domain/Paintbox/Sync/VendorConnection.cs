using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Sync;

/// <summary>
/// A tenant's connection to one vendor: where its API is, who the app is there, and the secret (the Salesforce
/// client secret, the CompanyCam access token) encrypted by the app's data-protection key ring. The secret is never
/// shown back: only its last characters (<see cref="SecretHint"/>) say which one is set.
/// </summary>
public sealed class VendorConnection : ITenantOwned
{
    public const int UrlMaxLength = 300;
    public const int ClientIdMaxLength = 300;
    public const int SecretMaxLength = 2000;
    public const int HintLength = 4;
    public const int UpdatedByMaxLength = 200;
    public const int TestResultMaxLength = 500;

    private VendorConnection() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public SyncVendor Vendor { get; private set; }

    /// <summary>Salesforce: the login (token) address, e.g. https://login.salesforce.com. CompanyCam: the API's base, https://api.companycam.com.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The Salesforce connected app's consumer key; empty for CompanyCam.</summary>
    public string ClientId { get; private set; } = "";

    /// <summary>The secret, as the data-protection protector wrote it (never the plain text).</summary>
    public string ProtectedSecret { get; private set; } = "";

    public string SecretHint { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? LastTestedAt { get; private set; }
    public string? LastTestResult { get; private set; }

    /// <summary>
    /// Field errors for a connection as typed (<paramref name="secret"/> may be blank when one is kept from before).
    /// An address must be absolute http(s); plain http only to the machine itself (the tests' stand-in servers).
    /// </summary>
    public static FieldErrors Check(SyncVendor vendor, string? baseUrl, string? clientId, string? secret, bool hasSecret)
    {
        var errors = new FieldErrors()
            .Required(nameof(BaseUrl), baseUrl, UrlMaxLength, vendor == SyncVendor.Salesforce ? "login address" : "API address")
            .When(vendor == SyncVendor.Salesforce && string.IsNullOrWhiteSpace(clientId), nameof(ClientId), "The client id (consumer key) is required.")
            .MaxLength(nameof(ClientId), clientId, ClientIdMaxLength, "client id")
            .When(!hasSecret && string.IsNullOrWhiteSpace(secret), nameof(ProtectedSecret),
                vendor == SyncVendor.Salesforce ? "The client secret is required." : "The access token is required.")
            .MaxLength(nameof(ProtectedSecret), secret, SecretMaxLength, "secret");
        if (!string.IsNullOrWhiteSpace(baseUrl) && !IsAllowedUrl(baseUrl.Trim()))
            errors.Add(nameof(BaseUrl), "Give an https:// address (http:// only for this machine).");
        return errors;
    }

    public static bool IsAllowedUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.UserInfo);

    public static VendorConnection Create(SyncVendor vendor, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Vendor = vendor, UpdatedAt = now };

    /// <summary>Sets the connection; a null <paramref name="protectedSecret"/> keeps the secret there is.</summary>
    public void Set(string baseUrl, string? clientId, string? protectedSecret, string? secretHint, string updatedBy, DateTimeOffset now)
    {
        BaseUrl = baseUrl.Trim().TrimEnd('/');
        ClientId = clientId?.Trim() ?? "";
        if (protectedSecret is not null)
        {
            ProtectedSecret = protectedSecret;
            SecretHint = secretHint ?? "";
        }
        UpdatedBy = Text.Clean(updatedBy).Length > UpdatedByMaxLength ? Text.Clean(updatedBy)[..UpdatedByMaxLength] : Text.Clean(updatedBy);
        UpdatedAt = now;
        LastTestedAt = null;
        LastTestResult = null;
    }

    public void Tested(string result, DateTimeOffset now)
    {
        LastTestedAt = now;
        LastTestResult = result.Length > TestResultMaxLength ? result[..(TestResultMaxLength - 1)] + "…" : result;
    }

    /// <summary>The last characters of a secret, to tell which one is set without showing it.</summary>
    public static string HintOf(string secret) =>
        secret.Length <= HintLength * 2 ? new string('•', 4) : "…" + secret[^HintLength..];
}
