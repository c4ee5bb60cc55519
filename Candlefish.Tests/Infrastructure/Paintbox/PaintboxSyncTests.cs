using System.Diagnostics;
using System.Text.Json.Nodes;
using Candlefish.Domain.Paintbox.Sync;
using Candlefish.Infrastructure.Paintbox.Sync;
using Candlefish.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>
/// The sync against stand-in Salesforce and CompanyCam servers on real sockets: pushes, re-runs, outages, timeouts,
/// the circuit breaker, token refresh, Salesforce's error shape, and CompanyCam's projects and photos.
/// </summary>
public class PaintboxSyncTests(PaintboxSyncApp app) : WithVendorStandIns, IClassFixture<PaintboxSyncApp>
{

    private string OpportunityKey(Guid estimateId) => $"Opportunity/Paintbox_Estimate_Id__c/{estimateId}";

    [Theory]
    [MemberData(nameof(PaintboxSyncApp.Tiers), MemberType = typeof(PaintboxSyncApp))]
    public async Task Push_creates_the_opportunity_and_the_estimate_record_and_a_rerun_changes_nothing(string tier)
    {
        var tenant = await app.FreshTenantAsync(tier);
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        var estimate = PaintboxSyncApp.HussEstimate("Huss exterior " + tier);

        var staged = await app.StageAsync(tenant, estimate);
        var pushed = await app.PushPendingAsync(tenant);

        Assert.Equal([SyncVendor.Salesforce, SyncVendor.CompanyCam], staged);
        Assert.Equal(2, pushed);
        var opportunity = Salesforce.Records[OpportunityKey(estimate.EstimateId)];
        var emerald = estimate.Figures.ExteriorQuote!["Emerald"];
        Assert.Equal(EstimatePush.Round(emerald.ListPrice), opportunity["Emerald_Paint_Price__c"]!.GetValue<decimal>());
        Assert.Equal(EstimatePush.Round(emerald.Discount), opportunity["Emerald_Discount__c"]!.GetValue<decimal>());
        Assert.Equal("Yes", opportunity["Lead_Positive__c"]!.GetValue<string>());
        var record = Salesforce.Records[$"PaintboxEstimate__c/Paintbox_Estimate_Id__c/{estimate.EstimateId}"];
        Assert.Equal("Huss exterior " + tier, record["Name"]!.GetValue<string>());
        Assert.Equal(estimate.EstimateId.ToString(), record["Opportunity__r"]!["Paintbox_Estimate_Id__c"]!.GetValue<string>());
        Assert.Equal(10, JsonNode.Parse(record["Exterior_Products__c"]!.GetValue<string>())!.AsArray().Count);
        var salesforce = await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Synced, salesforce.Status);
        Assert.Equal(opportunity["Id"]!.GetValue<string>(), salesforce.ExternalId);
        Assert.Null(salesforce.LastError);

        // Saved again with the same data: nothing is staged, the job sends nothing.
        var requests = Salesforce.Requests.Count;
        var restaged = await app.StageAsync(tenant, estimate);
        await app.PushPendingAsync(tenant);
        Assert.Empty(restaged);
        Assert.Equal(requests, Salesforce.Requests.Count);

        // "Retry now" pushes it again anyway: the upsert by external id finds the records and changes nothing.
        var changes = Salesforce.Changes;
        var retried = await app.As(tenant, s => s.GetRequiredService<PaintboxSync>().RetryNowAsync(estimate.EstimateId));
        Assert.All(retried!, s => Assert.Equal(SyncStatus.Synced, s.Status));
        Assert.Equal(changes, Salesforce.Changes);
        Assert.Equal(2, Salesforce.Records.Count(r => r.Key.EndsWith(estimate.EstimateId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_changed_estimate_is_pushed_again_and_updates_the_same_opportunity()
    {
        var tenant = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        var estimate = PaintboxSyncApp.HussEstimate("Huss changed");
        await app.StageAsync(tenant, estimate);
        await app.PushPendingAsync(tenant);
        var id = Salesforce.Records[OpportunityKey(estimate.EstimateId)]["Id"]!.GetValue<string>();

        var discounted = PaintboxSyncApp.HussEstimate("Huss changed", additionalDiscount: 250m, id: estimate.EstimateId);
        var staged = await app.StageAsync(tenant, discounted);
        await app.PushPendingAsync(tenant);

        Assert.Equal([SyncVendor.Salesforce], staged); // the CompanyCam project (name, address) did not change
        var opportunity = Salesforce.Records[OpportunityKey(estimate.EstimateId)];
        Assert.Equal(id, opportunity["Id"]!.GetValue<string>());
        var record = Salesforce.Records[$"PaintboxEstimate__c/Paintbox_Estimate_Id__c/{estimate.EstimateId}"];
        Assert.Equal(EstimatePush.Round(discounted.Figures.ExteriorQuote!.Negotiation.PriceAfterDiscount), record["Exterior_Negotiated_Price__c"]!.GetValue<decimal>());
        Assert.Equal(SyncStatus.Synced, (await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce)).Status);
    }

    [Fact]
    public async Task An_outage_is_retried_then_recorded_as_the_last_error_and_the_estimate_stays_saved()
    {
        var tenant = await app.FreshTenantAsync("database");
        await app.ConnectAsync(tenant, Salesforce, null);
        var estimate = PaintboxSyncApp.HussEstimate("Huss outage");
        Salesforce.FailNext(100, 503, """{"message":"down for maintenance"}""", when: r => r.Method == "PATCH");

        var staged = await app.StageAsync(tenant, estimate); // saving never calls a vendor
        await app.PushPendingAsync(tenant);

        Assert.Contains(SyncVendor.Salesforce, staged);
        var status = await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Failed, status.Status);
        Assert.Equal(1, status.Attempts);
        Assert.Contains("503", status.LastError);
        Assert.Contains("3 attempts", status.LastError); // the first and MaxRetries = 2
        Assert.Equal(3, Salesforce.Count("PATCH", "/services/data/v60.0/sobjects/Opportunity/"));

        // The vendor is back. The circuit opened (three of the four calls failed): once its break is over (2 s here)
        // the job's next pass gets through and pushes the failed estimate.
        Salesforce.Trouble = null;
        await app.PushPendingAsync(tenant);
        Assert.Contains("circuit open", (await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce)).LastError);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        await app.PushPendingAsync(tenant);
        var after = await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Synced, after.Status);
        Assert.Equal(0, after.Attempts);
        Assert.Null(after.LastError);
        Assert.NotNull(after.LastSuccessAt);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out_then_the_push_succeeds()
    {
        var tenant = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(tenant, Salesforce, null);
        var estimate = PaintboxSyncApp.HussEstimate("Huss throttled");
        Salesforce.FailNext(1, 429, """[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""", retryAfter: "1",
            when: r => r.Method == "PATCH");
        await app.StageAsync(tenant, estimate);

        var clock = Stopwatch.StartNew();
        await app.PushPendingAsync(tenant);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed} (Retry-After: 1)");
        Assert.Equal(SyncStatus.Synced, (await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce)).Status);
    }

    [Fact]
    public async Task A_slow_vendor_times_out_each_attempt_and_records_it()
    {
        var tenant = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(tenant, Salesforce, null);
        var estimate = PaintboxSyncApp.HussEstimate("Huss slow");
        await app.StageAsync(tenant, estimate);
        Salesforce.SlowDown(TimeSpan.FromSeconds(5));

        var clock = Stopwatch.StartNew();
        await app.PushPendingAsync(tenant);

        var status = await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Failed, status.Status);
        Assert.Contains("did not answer in time", status.LastError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: the attempts were not cut at 0.75 s");
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_calling_the_vendor()
    {
        var tenant = await app.FreshTenantAsync("database");
        await app.ConnectAsync(tenant, Salesforce, null);
        Salesforce.FailNext(1000, 500, """[{"message":"An unexpected error occurred.","errorCode":"UNKNOWN_EXCEPTION"}]""");
        var first = PaintboxSyncApp.HussEstimate("Huss breaker 1");
        var second = PaintboxSyncApp.HussEstimate("Huss breaker 2");
        var third = PaintboxSyncApp.HussEstimate("Huss breaker 3");
        foreach (var estimate in new[] { first, second, third })
            await app.StageAsync(tenant, estimate);

        await app.PushPendingAsync(tenant);

        // Four failed calls open the circuit (ratio 0.5, throughput 4): the rest are refused without a request.
        var calls = Salesforce.Requests.Count(r => r.Path.StartsWith("/services/oauth2/token", StringComparison.Ordinal));
        Assert.Equal(4, calls);
        var last = await app.StatusAsync(tenant, third.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Failed, last.Status);
        Assert.Contains("circuit open", last.LastError);
        Assert.Contains("UNKNOWN_EXCEPTION", (await app.StatusAsync(tenant, first.EstimateId, SyncVendor.Salesforce)).LastError);

        // Another tenant's circuit to the same vendor is its own: still closed.
        var other = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(other, Salesforce, null);
        Salesforce.Trouble = null;
        var theirs = PaintboxSyncApp.HussEstimate("Hue unaffected");
        await app.StageAsync(other, theirs);
        await app.PushPendingAsync(other);
        Assert.Equal(SyncStatus.Synced, (await app.StatusAsync(other, theirs.EstimateId, SyncVendor.Salesforce)).Status);
    }

    [Fact]
    public async Task An_expired_session_is_signed_in_again_on_401()
    {
        var tenant = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(tenant, Salesforce, null);
        var first = PaintboxSyncApp.HussEstimate("Huss session 1");
        await app.StageAsync(tenant, first);
        await app.PushPendingAsync(tenant);
        Assert.Equal(1, Salesforce.Count("POST", "/services/oauth2/token")); // one token for both records

        Salesforce.ExpireSessions();
        var second = PaintboxSyncApp.HussEstimate("Huss session 2");
        await app.StageAsync(tenant, second);
        await app.PushPendingAsync(tenant);

        Assert.Equal(2, Salesforce.Count("POST", "/services/oauth2/token"));
        Assert.Equal(SyncStatus.Synced, (await app.StatusAsync(tenant, second.EstimateId, SyncVendor.Salesforce)).Status);
        Assert.True(Salesforce.Records.ContainsKey(OpportunityKey(second.EstimateId)));
    }

    [Fact]
    public async Task Salesforce_s_errors_become_the_last_error_in_its_own_words()
    {
        var tenant = await app.FreshTenantAsync("database");
        await app.ConnectAsync(tenant, Salesforce, null);
        var estimate = PaintboxSyncApp.HussEstimate("Huss bad field");
        Salesforce.FailNext(1, 400, """[{"message":"No such column 'Body_SQ__c' on sobject of type Opportunity","errorCode":"INVALID_FIELD","fields":["Body_SQ__c"]}]""",
            when: r => r.Method == "PATCH");
        await app.StageAsync(tenant, estimate);

        await app.PushPendingAsync(tenant);

        var status = await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Failed, status.Status);
        Assert.Contains("INVALID_FIELD: No such column 'Body_SQ__c' on sobject of type Opportunity (fields: Body_SQ__c)", status.LastError);
        Assert.Equal(1, Salesforce.Count("PATCH", "/services/data/")); // a 400 is not retried
    }

    [Fact]
    public async Task A_refused_client_secret_is_reported_by_test_connection()
    {
        var tenant = await app.FreshTenantAsync("database");
        await app.As(tenant, s => s.GetRequiredService<VendorConnections>()
            .SaveAsync(SyncVendor.Salesforce, Salesforce.BaseUrl, ClientId, "wrong-secret-123456", "Test Owner"));

        var (ok, message) = await app.As(tenant, s => s.GetRequiredService<PaintboxSync>().TestConnectionAsync(SyncVendor.Salesforce));

        Assert.False(ok);
        Assert.Contains("invalid_client", message);
        var view = (await app.As(tenant, s => s.GetRequiredService<VendorConnections>().ListAsync())).Single(v => v.Vendor == SyncVendor.Salesforce);
        Assert.StartsWith("Failed: ", view.LastTestResult);

        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        Assert.Equal((true, $"Signed in to {Salesforce.BaseUrl}."), await app.As(tenant, s => s.GetRequiredService<PaintboxSync>().TestConnectionAsync(SyncVendor.Salesforce)));
        Assert.Equal((true, "Signed in as pat@painters.example."), await app.As(tenant, s => s.GetRequiredService<PaintboxSync>().TestConnectionAsync(SyncVendor.CompanyCam)));
    }

    [Fact]
    public async Task Without_a_connection_the_estimate_waits_with_an_error_that_says_what_to_do()
    {
        var tenant = await app.FreshTenantAsync("schema"); // no connections set
        var estimate = PaintboxSyncApp.HussEstimate("No connection");
        await app.StageAsync(tenant, estimate);

        await app.PushPendingAsync(tenant);

        var status = await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.Salesforce);
        Assert.Equal(SyncStatus.Failed, status.Status);
        Assert.Contains("Settings → Integrations", status.LastError);
    }

    [Theory]
    [MemberData(nameof(PaintboxSyncApp.Tiers), MemberType = typeof(PaintboxSyncApp))]
    public async Task CompanyCam_links_an_existing_project_by_name_or_creates_one(string tier)
    {
        var tenant = await app.FreshTenantAsync(tier);
        await app.ConnectAsync(tenant, null, CompanyCam);
        var existing = CompanyCam.AddProject("Huss residence " + tier);
        var linked = PaintboxSyncApp.HussEstimate("Huss residence " + tier);
        var created = PaintboxSyncApp.HussEstimate("Brand new job " + tier);

        await app.StageAsync(tenant, linked);
        await app.StageAsync(tenant, created);
        await app.PushPendingAsync(tenant);

        Assert.Equal(existing.Id, (await app.StatusAsync(tenant, linked.EstimateId, SyncVendor.CompanyCam)).ExternalId);
        var made = CompanyCam.Projects.Values.Single(p => p.Name == "Brand new job " + tier);
        Assert.Equal(made.Id, (await app.StatusAsync(tenant, created.EstimateId, SyncVendor.CompanyCam)).ExternalId);
        Assert.Equal("12 Oak Ln", made.Address!["street_address_1"]!.GetValue<string>());
        Assert.Equal("78704", made.Address!["postal_code"]!.GetValue<string>());
        Assert.Equal(1, CompanyCam.Count("POST", "/v2/projects"));
    }

    [Fact]
    public async Task CompanyCam_photos_are_listed_by_stage_and_an_upload_is_kept_and_sent_by_link()
    {
        var tenant = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(tenant, null, CompanyCam);
        var estimate = PaintboxSyncApp.HussEstimate("Photo job");
        await app.StageAsync(tenant, estimate);
        await app.PushPendingAsync(tenant);
        var project = (await app.StatusAsync(tenant, estimate.EstimateId, SyncVendor.CompanyCam)).ExternalId!;
        CompanyCam.AddPhoto(project, "https://img.example/1.jpg", "Before");
        CompanyCam.AddPhoto(project, "https://img.example/2.jpg", "after", "front");
        CompanyCam.AddPhoto(project, "https://img.example/3.jpg");

        var album = await app.As(tenant, s => s.GetRequiredService<EstimatePhotos>().AlbumAsync(estimate.EstimateId));

        Assert.Equal(["https://img.example/1.jpg?thumb"], album!.Before.Select(p => p.ThumbnailUrl));
        Assert.Equal(["https://img.example/2.jpg"], album.After.Select(p => p.OriginalUrl));
        Assert.Equal(["after", "front"], album.After[0].Tags);
        Assert.Single(album.Progress);

        var jpeg = TestImages.Jpeg();
        var photoId = await app.As(tenant, s => s.GetRequiredService<EstimatePhotos>()
            .UploadAsync(estimate.EstimateId, new PhotoUpload("porch.jpg", "image/jpeg", jpeg.Length, new MemoryStream(jpeg), "progress")));

        var sent = CompanyCam.Photos[photoId];
        Assert.Equal(["progress"], sent.Tags);
        var link = new Uri(sent.Uri);
        Assert.Equal($"{tenant.Identifier}.localhost", link.Host);
        var served = await app.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Identifier}.localhost") }).GetAsync(link.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await served.Content.ReadAsByteArrayAsync());
        // The same link on another tenant's host, or altered, finds nothing.
        var elsewhere = await app.CreateClient(new() { BaseAddress = new Uri("http://tint.localhost") }).GetAsync(link.PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, elsewhere.StatusCode);
        var altered = await app.CreateClient(new() { BaseAddress = new Uri($"http://{tenant.Identifier}.localhost") }).GetAsync(link.AbsolutePath + "x");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, altered.StatusCode);
    }

    [Fact]
    public async Task A_photo_that_is_not_a_jpeg_or_png_is_refused_beside_the_file_and_nothing_is_sent()
    {
        var tenant = await app.FreshTenantAsync("database");
        await app.ConnectAsync(tenant, null, CompanyCam);
        var estimate = PaintboxSyncApp.HussEstimate("Photo refusal");
        await app.StageAsync(tenant, estimate);
        await app.PushPendingAsync(tenant);
        var before = CompanyCam.Photos.Count;
        var script = "<script>alert(1)</script>"u8.ToArray();

        var refused = await Assert.ThrowsAsync<Candlefish.Domain.DomainValidationException>(() => app.As(tenant, s => s.GetRequiredService<EstimatePhotos>()
            .UploadAsync(estimate.EstimateId, new PhotoUpload("porch.jpg", "image/jpeg", script.Length, new MemoryStream(script), "before"))));
        var badStage = await Assert.ThrowsAsync<Candlefish.Domain.DomainValidationException>(() => app.As(tenant, s => s.GetRequiredService<EstimatePhotos>()
            .UploadAsync(estimate.EstimateId, new PhotoUpload("porch.jpg", "image/jpeg", 10, new MemoryStream(TestImages.Jpeg()), "during"))));

        Assert.Contains("not a JPEG or PNG", refused.Errors["File"][0]);
        Assert.True(badStage.Errors.ContainsKey("Stage"));
        Assert.Equal(before, CompanyCam.Photos.Count);
    }

    [Theory]
    [MemberData(nameof(PaintboxSyncApp.Tiers), MemberType = typeof(PaintboxSyncApp))]
    public async Task Secrets_are_stored_encrypted_shown_only_by_their_last_characters_and_invisible_to_another_tenant(string tier)
    {
        var tenant = await app.FreshTenantAsync(tier);
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);

        await using (var db = await app.TenantData.CreateAsync(tenant))
        {
            var stored = await db.VendorConnections.AsNoTracking().ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.DoesNotContain(stored, c => c.ProtectedSecret.Contains(ClientSecret) || c.ProtectedSecret.Contains(CompanyCamToken));
        }
        var views = await app.As(tenant, s => s.GetRequiredService<VendorConnections>().ListAsync());
        Assert.Equal("…7731", views.Single(v => v.Vendor == SyncVendor.Salesforce).SecretHint);
        Assert.Equal("…9a44", views.Single(v => v.Vendor == SyncVendor.CompanyCam).SecretHint);

        // Another tenant's rows are not there for it (query filter and row-level security), and a copied ciphertext does not decrypt.
        var other = app.Trophies;
        await using (var db = await app.TenantData.CreateAsync(other))
            Assert.Empty(await db.VendorConnections.AsNoTracking().ToListAsync());
        Assert.Null(await app.As(other, s => s.GetRequiredService<VendorConnections>().CredentialsAsync(SyncVendor.Salesforce)));

        // A blank secret keeps the saved one; a missing address is a field error and changes nothing.
        await app.As(tenant, s => s.GetRequiredService<VendorConnections>().SaveAsync(SyncVendor.Salesforce, Salesforce.BaseUrl, ClientId, "", "Test Owner"));
        Assert.Equal(ClientSecret, (await app.As(tenant, s => s.GetRequiredService<VendorConnections>().CredentialsAsync(SyncVendor.Salesforce)))!.Secret);
        var invalid = await Assert.ThrowsAsync<Candlefish.Domain.DomainValidationException>(() =>
            app.As(tenant, s => s.GetRequiredService<VendorConnections>().SaveAsync(SyncVendor.Salesforce, "ftp://x", "", "", "Test Owner")));
        Assert.True(invalid.Errors.ContainsKey("BaseUrl"));
        Assert.True(invalid.Errors.ContainsKey("ClientId"));
        Assert.Equal(Salesforce.BaseUrl, (await app.As(tenant, s => s.GetRequiredService<VendorConnections>().CredentialsAsync(SyncVendor.Salesforce)))!.BaseUrl);
    }
}

/// <summary>The sync of estimates saved through <see cref="EstimateService"/>, as the scheduled job runs it for a tenant.</summary>
public class SavedEstimateSyncTests(PaintboxSyncApp app) : WithVendorStandIns, IClassFixture<PaintboxSyncApp>
{
    private static readonly Candlefish.Domain.Platform.Access.Actor Estimator = new(Guid.NewGuid(), "Eli Estimator");

    private Task<bool> RunJobAsync(Candlefish.Domain.Tenancy.TenantInfo tenant) =>
        app.Services.GetRequiredService<Candlefish.Infrastructure.Jobs.TenantJobRunner>().RunForTenantAsync<PaintboxSyncJob>(tenant);

    private Task<Candlefish.Infrastructure.Paintbox.Estimates.EstimateDetails> SaveEstimateAsync(Candlefish.Domain.Tenancy.TenantInfo tenant) => app.As(tenant, async s =>
    {
        var client = await s.GetRequiredService<Candlefish.Infrastructure.Paintbox.Clients.ClientService>()
            .CreateAsync(new("Dana Huss", "4120 W 29th Ave\nDenver, CO 80212", SalesforceAccountId: "001000000000042AAA"));
        return await s.GetRequiredService<Candlefish.Infrastructure.Paintbox.Estimates.EstimateService>().CreateAsync(
            new(client.Id, "Exterior repaint", Candlefish.Domain.Paintbox.Estimates.EstimateKind.Exterior,
                Inputs: new Candlefish.Domain.Paintbox.Estimates.EstimateInputs(PaintboxSyncApp.HussCase.Exterior, null)), Estimator);
    });

    [Theory]
    [MemberData(nameof(PaintboxSyncApp.Tiers), MemberType = typeof(PaintboxSyncApp))]
    public async Task The_job_pushes_a_saved_estimate_then_its_changes_and_nothing_while_it_is_unchanged(string tier)
    {
        var tenant = await app.FreshTenantAsync(tier);
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        var saved = await SaveEstimateAsync(tenant);
        var id = saved.Estimate.Id;

        Assert.True(await RunJobAsync(tenant));

        var opportunity = Salesforce.Records[$"Opportunity/Paintbox_Estimate_Id__c/{id}"];
        Assert.Equal($"#{saved.Estimate.Number} Exterior repaint", opportunity["Name"]!.GetValue<string>());
        Assert.Equal("Proposal/Price Quote", opportunity["StageName"]!.GetValue<string>());
        Assert.Equal("001000000000042AAA", opportunity["AccountId"]!.GetValue<string>());
        Assert.Equal(DateOnly.FromDateTime(saved.Estimate.UpdatedAt.UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd"), opportunity["CloseDate"]!.GetValue<string>());
        // The price the estimate shows is the price the CRM gets.
        var emerald = saved.Estimate.Prices.Exterior.Single(p => p.Name == "Emerald");
        Assert.Equal(emerald.ListPrice, opportunity["Emerald_Paint_Price__c"]!.GetValue<decimal>());
        var project = Assert.Single(CompanyCam.Projects.Values);
        Assert.Equal("Dana Huss", project.Name);
        Assert.Equal("4120 W 29th Ave", project.Address!["street_address_1"]!.GetValue<string>());
        Assert.Equal("Denver", project.Address!["city"]!.GetValue<string>());
        Assert.Equal("CO", project.Address!["state"]!.GetValue<string>());
        Assert.Equal("80212", project.Address!["postal_code"]!.GetValue<string>());

        // Unchanged: the next pass sends nothing.
        var requests = Salesforce.Requests.Count + CompanyCam.Requests.Count;
        Assert.True(await RunJobAsync(tenant));
        Assert.Equal(requests, Salesforce.Requests.Count + CompanyCam.Requests.Count);

        // A change of inputs is pending as soon as it is saved, and the next pass updates the same Opportunity.
        var discounted = saved.Estimate.Inputs with { Exterior = saved.Estimate.Inputs.Exterior! with { AdditionalDiscount = 300m } };
        var changed = await app.As(tenant, s => s.GetRequiredService<Candlefish.Infrastructure.Paintbox.Estimates.EstimateService>()
            .SaveInputsAsync(id, discounted, saved.Estimate.Revision, Estimator));
        Assert.Equal(SyncStatus.Pending, (await app.StatusAsync(tenant, id, SyncVendor.Salesforce)).Status);
        Assert.True(await RunJobAsync(tenant));
        var record = Salesforce.Records[$"PaintboxEstimate__c/Paintbox_Estimate_Id__c/{id}"];
        var negotiated = EstimateFigures.Price(discounted.Exterior, null, changed.Details.PriceBook.Book).ExteriorQuote!.Negotiation.PriceAfterDiscount;
        Assert.Equal(EstimatePush.Round(negotiated), record["Exterior_Negotiated_Price__c"]!.GetValue<decimal>());
        Assert.Equal(SyncStatus.Synced, (await app.StatusAsync(tenant, id, SyncVendor.Salesforce)).Status);
        Assert.Single(Salesforce.Records.Keys, k => k.StartsWith("Opportunity/", StringComparison.Ordinal));

        // Lost, with the reason: the Opportunity is closed lost and says why.
        await app.As(tenant, s => s.GetRequiredService<Candlefish.Infrastructure.Paintbox.Estimates.EstimateService>()
            .MoveAsync(id, Candlefish.Domain.Paintbox.Estimates.EstimateStatus.Lost, "Went with a cheaper bid", Estimator));
        Assert.True(await RunJobAsync(tenant));
        Assert.Equal("Closed Lost", opportunity["StageName"]!.GetValue<string>());
        Assert.Equal("Went with a cheaper bid", opportunity["Loss_Reason__c"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_vendor_outage_never_blocks_saving_and_the_estimate_shows_the_error()
    {
        var tenant = await app.FreshTenantAsync("database");
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        Salesforce.FailNext(1000, 503);
        CompanyCam.FailNext(1000, 502);

        var saved = await SaveEstimateAsync(tenant);
        var job = await RunJobAsync(tenant);
        var again = await app.As(tenant, s => s.GetRequiredService<Candlefish.Infrastructure.Paintbox.Estimates.EstimateService>()
            .SaveInputsAsync(saved.Estimate.Id, saved.Estimate.Inputs with { Exterior = saved.Estimate.Inputs.Exterior! with { AdditionalDiscount = 50m } },
                saved.Estimate.Revision, Estimator));

        Assert.True(job); // the job itself does not fail: each estimate's failure is recorded on it
        Assert.True(again.Changed);
        var status = await app.As(tenant, s => s.GetRequiredService<PaintboxSync>().StatusAsync(saved.Estimate.Id));
        Assert.All(status, s => Assert.NotNull(s.LastError));
        Assert.Contains("503", status.Single(s => s.Vendor == SyncVendor.Salesforce).LastError);
        Assert.Contains("502", status.Single(s => s.Vendor == SyncVendor.CompanyCam).LastError);
    }

    [Fact]
    public async Task Retry_now_stages_a_saved_estimate_the_job_has_not_seen_yet()
    {
        var tenant = await app.FreshTenantAsync("schema");
        await app.ConnectAsync(tenant, Salesforce, CompanyCam);
        var saved = await SaveEstimateAsync(tenant);

        var status = await app.As(tenant, s => s.GetRequiredService<PaintboxSync>().RetryNowAsync(saved.Estimate.Id));

        Assert.NotNull(status);
        Assert.All(status!, s => Assert.Equal(SyncStatus.Synced, s.Status));
        Assert.True(Salesforce.Records.ContainsKey($"Opportunity/Paintbox_Estimate_Id__c/{saved.Estimate.Id}"));
        // Another tenant's retry of the same id finds nothing and sends nothing.
        var other = await app.FreshTenantAsync("schema");
        var requests = Salesforce.Requests.Count;
        Assert.Null(await app.As(other, s => s.GetRequiredService<PaintboxSync>().RetryNowAsync(saved.Estimate.Id)));
        Assert.Equal(requests, Salesforce.Requests.Count);
    }
}
