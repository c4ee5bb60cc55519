using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Infrastructure.Paintbox;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Tests.Domain.Paintbox;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Tests.Infrastructure.Paintbox;

/// <summary>Clients, price books and estimates through their services on PostgreSQL, in both tiers.</summary>
public sealed class EstimateServiceTests(PaintboxApp app) : IClassFixture<PaintboxApp>
{
    public static TheoryData<string> Tiers => ["schema", "database"];

    private async Task<EstimateDetails> NewExteriorAsync(PaintShop shop, string clientName = "Margaret Huss")
    {
        using var _ = app.As(shop);
        var client = await app.Clients.CreateAsync(new ClientInput(clientName, "4120 W 29th Ave\nDenver, CO 80212", Contacts: [new(null, clientName, "m@example.com")]));
        return await app.Estimates.CreateAsync(new NewEstimate(client.Id, "Exterior repaint", EstimateKind.Exterior, Inputs: new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)), shop.Employee);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Clients_are_found_as_the_estimator_types_with_wildcards_taken_literally_and_paged(string tier)
    {
        var shop = app.ShopOf(tier);
        using var _ = app.As(shop);
        var prefix = "Search" + tier;
        await app.Clients.CreateAsync(new ClientInput($"{prefix} 100% Painters", Contacts: [new(null, "Zed Quill", Phone: "+1 303 555 0199")]));
        await app.Clients.CreateAsync(new ClientInput($"{prefix} 1000 Homes"));
        await app.Clients.CreateAsync(new ClientInput($"{prefix} Under_score"));

        var percent = await app.Clients.ListAsync($"{prefix} 100%");
        var wildcard = await app.Clients.ListAsync($"{prefix} Und_r"); // "_" would match the "e" of "Under" as a wildcard
        var underscore = await app.Clients.ListAsync($"{prefix} Under_s");
        var byContact = await app.Clients.ListAsync("zed qu");
        var byPhone = await app.Clients.ListAsync("555 0199");
        var firstPage = await app.Clients.ListAsync(prefix, skip: 0, take: 2);
        var secondPage = await app.Clients.ListAsync(prefix, skip: 2, take: 2);

        Assert.Equal([$"{prefix} 100% Painters"], percent.Select(c => c.Name));
        Assert.Empty(wildcard);
        Assert.Equal([$"{prefix} Under_score"], underscore.Select(c => c.Name));
        Assert.Equal([$"{prefix} 100% Painters"], byContact.Select(c => c.Name));
        Assert.Equal("Zed Quill", Assert.Single(byPhone).ContactName);
        Assert.Equal(3, await app.Clients.CountAsync(prefix));
        Assert.Equal(2, firstPage.Count);
        Assert.Equal([$"{prefix} Under_score"], secondPage.Select(c => c.Name));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_bad_client_is_refused_field_by_field_and_nothing_is_written(string tier)
    {
        var shop = app.ShopOf(tier);
        using var _ = app.As(shop);
        var before = await app.Clients.CountAsync(null);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            app.Clients.CreateAsync(new ClientInput(" ", SalesforceAccountId: new string('x', 30), Contacts: [new(null, "Ann", "not-an-email")])));

        Assert.Equal(["Contacts[0].Email", "Name", "SalesforceAccountId"], error.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(before, await app.Clients.CountAsync(null));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_new_estimate_is_numbered_priced_with_the_current_book_and_reads_back_with_its_client_and_inputs(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop);
        using var _ = app.As(shop);

        var read = await app.Estimates.GetAsync(created.Estimate.Id);
        var versions = await app.Estimates.VersionsAsync(created.Estimate.Id);
        var current = await app.PriceBooks.CurrentAsync();

        Assert.True(read.Estimate.Number >= 1001);
        Assert.Equal((EstimateStatus.Draft, 1, "Margaret Huss"), (read.Estimate.Status, read.Estimate.Revision, read.Client.Name));
        Assert.Equal("4120 W 29th Ave\nDenver, CO 80212", read.Estimate.PropertyAddress);
        Assert.Equal(current.Id, read.PriceBook.Id);
        Assert.True(read.PricedWithCurrentBook);
        Assert.True(read.Estimate.Inputs.SameAs(new EstimateInputs(PaintboxDemo.TwoStoryExterior(), null)));
        Assert.Equal(PriceBook.Default.Exterior.Products.Select(p => p.Name), read.Estimate.Prices.Exterior.Select(p => p.Name));
        Assert.Equal(PaintboxJson.Serialize(created.Estimate.Prices), PaintboxJson.Serialize(read.Estimate.Prices));
        Assert.All(read.Estimate.Prices.Exterior.Where(p => p.Name is "Emerald" or "Aura"), p => Assert.True(p.FinalPrice > 1000m, $"{p.Name}: {p.FinalPrice}"));
        Assert.Equal([1], versions.Select(v => v.Revision));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Saves_raise_the_revision_retries_change_nothing_and_a_stale_save_is_a_conflict_with_the_servers_version(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop);
        var id = created.Estimate.Id;
        using var _ = app.As(shop);
        var taller = EstimateShould.Taller(created.Estimate.Inputs);

        var saved = await app.Estimates.SaveInputsAsync(id, taller, 1, shop.Employee);
        var retried = await app.Estimates.SaveInputsAsync(id, taller, 1, shop.Employee);
        var conflict = await Assert.ThrowsAsync<EstimateConflictException>(() =>
            app.Estimates.SaveInputsAsync(id, EstimateShould.Taller(taller), 1, shop.Employee));

        Assert.Equal((true, 2), (saved.Changed, saved.Details.Estimate.Revision));
        Assert.True(saved.Details.Estimate.Prices.Exterior[0].FinalPrice > created.Estimate.Prices.Exterior[0].FinalPrice);
        Assert.Equal((false, 2), (retried.Changed, retried.Details.Estimate.Revision));
        Assert.Equal(2, conflict.Current.Estimate.Revision);
        Assert.True(conflict.Current.Estimate.Inputs.SameAs(taller));
        Assert.Equal([2, 1], (await app.Estimates.VersionsAsync(id)).Select(v => v.Revision));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Two_saves_of_the_same_revision_at_once_keep_one_and_refuse_the_other(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop);
        var id = created.Estimate.Id;
        var one = EstimateShould.Taller(created.Estimate.Inputs);
        var two = EstimateShould.Taller(one);

        async Task<string> SaveAsync(EstimateInputs inputs)
        {
            using var _ = app.As(shop);
            try { await app.Estimates.SaveInputsAsync(id, inputs, 1, shop.Employee); return "saved"; }
            catch (EstimateConflictException) { return "conflict"; }
        }

        var outcomes = await Task.WhenAll(SaveAsync(one), SaveAsync(two));

        using var __ = app.As(shop);
        Assert.Equal(["conflict", "saved"], outcomes.Order());
        Assert.Equal(2, (await app.Estimates.GetAsync(id)).Estimate.Revision);
        Assert.Equal([2, 1], (await app.Estimates.VersionsAsync(id)).Select(v => v.Revision));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task The_title_and_address_are_saved_on_the_revision_checked_beside_their_fields_and_a_stale_change_is_a_conflict(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop, "Header Client " + tier);
        using var _ = app.As(shop);
        var id = created.Estimate.Id;

        var renamed = await app.Estimates.DescribeAsync(id, "  Front and garage repaint ", "12 Elm St\nDenver, CO 80211", basedOnRevision: 1);
        var retried = await app.Estimates.DescribeAsync(id, "Front and garage repaint", "12 Elm St\nDenver, CO 80211", basedOnRevision: 1);
        var bad = await Assert.ThrowsAsync<DomainValidationException>(() =>
            app.Estimates.DescribeAsync(id, " ", new string('x', Candlefish.Domain.Paintbox.Estimates.Estimate.AddressMaxLength + 1), basedOnRevision: 1));
        var moved = (await app.Estimates.SaveInputsAsync(id, new EstimateInputs(PaintboxDemo.TwoStoryExterior() with { Colors = new ColorPlacement() }, null), 1, shop.Employee)).Details;
        var stale = await Assert.ThrowsAsync<EstimateConflictException>(() => app.Estimates.DescribeAsync(id, "Someone else's title", null, basedOnRevision: 1));
        var current = await app.Estimates.DescribeAsync(id, "Front only", "12 Elm St", basedOnRevision: moved.Estimate.Revision);

        Assert.Equal(("Front and garage repaint", "12 Elm St\nDenver, CO 80211", 1), (renamed.Estimate.Title, renamed.Estimate.PropertyAddress, renamed.Estimate.Revision));
        Assert.Equal(renamed.Estimate.UpdatedAt, retried.Estimate.UpdatedAt); // the retry changed nothing
        Assert.Equal(["PropertyAddress", "Title"], bad.Errors.Keys.Order());
        Assert.Equal(2, stale.Current.Estimate.Revision);
        Assert.Equal("Front and garage repaint", stale.Current.Estimate.Title);
        Assert.Equal(("Front only", "12 Elm St"), (current.Estimate.Title, current.Estimate.PropertyAddress));
        Assert.Equal("Front only", (await app.Estimates.GetAsync(id)).Estimate.Title);
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Restoring_a_version_makes_its_inputs_current_as_a_new_revision(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop);
        var id = created.Estimate.Id;
        using var _ = app.As(shop);
        await app.Estimates.SaveInputsAsync(id, EstimateShould.Taller(created.Estimate.Inputs), 1, shop.Employee);

        var restored = await app.Estimates.RestoreAsync(id, revision: 1, basedOnRevision: 2, shop.Employee);

        Assert.Equal(3, restored.Details.Estimate.Revision);
        Assert.True(restored.Details.Estimate.Inputs.SameAs(created.Estimate.Inputs));
        Assert.Equal(PaintboxJson.Serialize(created.Estimate.Prices), PaintboxJson.Serialize(restored.Details.Estimate.Prices));
        Assert.Equal([3, 2, 1], (await app.Estimates.VersionsAsync(id)).Select(v => v.Revision));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Bad_inputs_are_refused_beside_their_fields_and_leave_the_estimate_as_it_was(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop);
        var id = created.Estimate.Id;
        using var _ = app.As(shop);
        var exterior = created.Estimate.Inputs.Exterior!;
        var bad = exterior with { Elevations = [exterior.Elevations[0] with { Lines = [new MeasureLine("< 10", "Hardi", -5m, 9m, "Easy", "Purple")] }] };

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => app.Estimates.SaveInputsAsync(id, new EstimateInputs(bad, null), 1, shop.Employee));

        var read = await app.Estimates.GetAsync(id);
        Assert.Equal(["Exterior.Elevations[0].Lines[0].Color", "Exterior.Elevations[0].Lines[0].LengthFeet"], error.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(1, read.Estimate.Revision);
        Assert.True(read.Estimate.Inputs.SameAs(created.Estimate.Inputs));
        Assert.Single(await app.Estimates.VersionsAsync(id));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task A_new_price_book_version_leaves_old_estimates_at_their_price_until_they_are_repriced(string tier)
    {
        var shop = app.ShopOf(tier);
        var old = await NewExteriorAsync(shop, "Old Price Client " + tier);
        using var _ = app.As(shop);
        var current = await app.PriceBooks.CurrentAsync();
        var dearer = current.Book with
        {
            Exterior = current.Book.Exterior with
            {
                PaintPricePerGallon = new Dictionary<string, decimal>(current.Book.Exterior.PaintPricePerGallon) { ["Emerald"] = 120m },
            },
        };
        var today = app.PriceBooks.Today(shop.Tenant);

        var added = await app.PriceBooks.AddAsync(new NewPriceBookVersion(today, dearer, Note: "Emerald went up " + tier), shop.Owner);
        var oldAfter = await app.Estimates.GetAsync(old.Estimate.Id);
        var saved = await app.Estimates.SaveInputsAsync(old.Estimate.Id, EstimateShould.Taller(old.Estimate.Inputs), 1, shop.Employee);
        var fresh = await app.Estimates.CreateAsync(new NewEstimate(old.Client.Id, "Same house again", EstimateKind.Exterior, Inputs: old.Estimate.Inputs), shop.Employee);
        var repriced = await app.Estimates.RepriceWithCurrentBookAsync(old.Estimate.Id);

        decimal Emerald(Estimate e) => e.Prices.Exterior.Single(p => p.Name == "Emerald").FinalPrice;
        Assert.Equal(added.Id, (await app.PriceBooks.CurrentAsync()).Id);
        Assert.Equal(Emerald(old.Estimate), Emerald(oldAfter.Estimate));
        Assert.Equal((old.PriceBook.Id, false), (oldAfter.PriceBook.Id, oldAfter.PricedWithCurrentBook));
        Assert.Equal(old.PriceBook.Id, saved.Details.PriceBook.Id);
        Assert.Equal(added.Id, fresh.PriceBook.Id);
        Assert.True(Emerald(fresh.Estimate) > Emerald(old.Estimate));
        Assert.Equal((added.Id, true), (repriced.PriceBook.Id, repriced.PricedWithCurrentBook));
        Assert.True(Emerald(repriced.Estimate) > Emerald(saved.Details.Estimate));
        Assert.Contains(await app.PriceBooks.ListAsync(), v => v.Id == added.Id && v.CreatedBy == "Olivia Owner");
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Status_moves_are_kept_with_who_when_and_why_and_a_loss_needs_its_reason(string tier)
    {
        var shop = app.ShopOf(tier);
        var created = await NewExteriorAsync(shop);
        var id = created.Estimate.Id;
        using var _ = app.As(shop);

        await app.Estimates.MoveAsync(id, EstimateStatus.Sent, "Emailed", shop.Employee);
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => app.Estimates.MoveAsync(id, EstimateStatus.Lost, "", shop.Employee));
        var lost = await app.Estimates.MoveAsync(id, EstimateStatus.Lost, "Chose a cheaper bid", shop.Owner);

        Assert.Contains("LossReason", refused.Errors.Keys);
        Assert.Equal((EstimateStatus.Lost, "Chose a cheaper bid"), (lost.Estimate.Status, lost.Estimate.LossReason));
        Assert.Equal([("Eli Employee", EstimateStatus.Sent, "Emailed"), ("Olivia Owner", EstimateStatus.Lost, "Chose a cheaper bid")],
            lost.Estimate.StatusChanges.Select(c => (c.ChangedBy.Name, c.ToStatus, c.Reason)));
        Assert.Single(await app.Estimates.ListAsync(new EstimateFilter(Status: EstimateStatus.Lost, ClientId: created.Client.Id)));
    }

    [Theory, MemberData(nameof(Tiers))]
    public async Task Another_tenants_estimates_and_clients_do_not_exist_for_a_tenant(string tier)
    {
        var created = await NewExteriorAsync(app.ShopOf(tier));
        var other = app.OtherOf(tier);
        using var _ = app.As(other);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Estimates.GetAsync(created.Estimate.Id));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Estimates.SaveInputsAsync(created.Estimate.Id, EstimateShould.Taller(created.Estimate.Inputs), 1, other.Employee));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => app.Estimates.VersionsAsync(created.Estimate.Id));
        Assert.Null(await app.Clients.GetAsync(created.Client.Id));
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            app.Estimates.CreateAsync(new NewEstimate(created.Client.Id, "Not mine", EstimateKind.Exterior), other.Employee));
        Assert.Contains("ClientId", refused.Errors.Keys);
        Assert.DoesNotContain(await app.Estimates.ListAsync(new EstimateFilter()), e => e.Id == created.Estimate.Id);
        await using var db = await app.TenantData.CreateAsync(other.Tenant);
        Assert.False(await db.EstimateVersions.AnyAsync(v => v.EstimateId == created.Estimate.Id));
    }
}
