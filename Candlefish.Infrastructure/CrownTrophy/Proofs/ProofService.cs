using Candlefish.Domain;
using Candlefish.Domain.CrownTrophy.Orders;
using Candlefish.Domain.CrownTrophy.Proofs;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.CrownTrophy.Orders;
using Candlefish.Infrastructure.Persistence;
using Candlefish.Infrastructure.Platform.Access;
using Candlefish.Infrastructure.Platform.Email;
using Candlefish.Infrastructure.Platform.Files;
using Candlefish.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Proofs;

/// <summary>A proof file as uploaded: its name, the type the browser or client said, its content and its length (if known).</summary>
public sealed record ProofUpload(string FileName, string? ContentType, Stream Content, long? Length = null);

/// <summary>A proof's file to send to someone allowed to see it.</summary>
public sealed record ProofContent(Stream Content, string ContentType, string FileName);

/// <summary>
/// Design proofs of orders: the franchise uploads versions (PDF, PNG or JPEG, checked by their first bytes, kept in
/// the file store under the tenant's id), the customer approves one or asks for changes, and each side hears of the
/// other's step through the email outbox, in the same SaveChanges as the step. Only the order's own customer (or the
/// franchise's workspace) reaches an order's proofs.
/// </summary>
public sealed class ProofService(TenantDbContextFactory contexts, ITenantContext tenants, IFileStore files, ITenantLinks links, TimeProvider clock)
{
    /// <summary>Every version of the order's proof, newest first, with its decisions.</summary>
    public async Task<List<Proof>> ListAsync(Guid orderId, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        await OrderOfAsync(db, orderId, caller, tracked: false, cancellationToken);
        return await db.Proofs.AsNoTracking().Include(p => p.Decisions).Where(p => p.OrderId == orderId)
            .OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps a new version of the order's proof and puts the order in front of its customer (awaiting proof), who is
    /// told by email. Only the franchise uploads, and only once the order is quoted and not yet in production.
    /// </summary>
    public async Task<Proof> UploadAsync(Guid orderId, ProofUpload upload, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        if (caller.IsCustomer)
            throw FieldErrors.Single("File", "Proofs are uploaded by the store.");
        // Read at most one byte more than allowed: a stream longer than it said is refused too.
        using var buffer = await Uploads.ReadAtMostAsync(upload.Content, Proof.MaxSizeBytes + 1, cancellationToken);
        var head = buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, ProofFile.SniffLength));
        var contentType = ProofFile.Check(upload.FileName, upload.ContentType, Math.Max(upload.Length ?? 0, buffer.Length), head);

        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OrderService.LockAsync(db, orderId, cancellationToken);
        var order = await OrderOfAsync(db, orderId, caller, tracked: true, cancellationToken);
        if (order.Status is not (OrderStatus.Quoted or OrderStatus.AwaitingProof or OrderStatus.ProofApproved))
            throw FieldErrors.Single("File", order.Status == OrderStatus.Draft
                ? "Quote the order before sending its customer a proof."
                : $"Order {order.Number} is {OrderWorkflow.Describe(order.Status)}: its proof can no longer change.");

        var now = clock.GetUtcNow();
        var versions = await db.Proofs.Where(p => p.OrderId == orderId).Select(p => p.Version).ToListAsync(cancellationToken);
        var proof = Proof.Upload(orderId, Proof.NextVersion(versions), Path.GetFileName(upload.FileName), contentType, buffer.Length, caller.Actor, now);
        db.Proofs.Add(proof);
        if (order.Status != OrderStatus.AwaitingProof)
            order.ChangeStatus(OrderStatus.AwaitingProof, caller.Actor, $"Proof version {proof.Version} sent", now);
        await NotifyCustomerAsync(db, tenant, order, proof, now, cancellationToken);

        // The file is written before the row names it: a crash in between leaves an unused file, never a missing one.
        buffer.Position = 0;
        var key = KeyOf(tenant.Id, proof);
        await files.SaveAsync(key, buffer, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return proof;
    }

    /// <summary>
    /// The customer's answer to the latest version (or the franchise's, recording what the customer said): approved,
    /// which moves the order to proof approved, or changes requested with what to change. The owners are told.
    /// </summary>
    public async Task<ProofDecision> DecideAsync(Guid orderId, Guid proofId, ProofStatus decision, string? comment, OrderCaller caller,
        CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await OrderService.LockAsync(db, orderId, cancellationToken);
        var order = await OrderOfAsync(db, orderId, caller, tracked: true, cancellationToken);
        var proof = await db.Proofs.Include(p => p.Decisions).FirstOrDefaultAsync(p => p.Id == proofId && p.OrderId == orderId, cancellationToken)
            ?? throw new KeyNotFoundException($"Order {order.Number} has no proof {proofId}.");
        var latest = await db.Proofs.Where(p => p.OrderId == orderId).MaxAsync(p => p.Version, cancellationToken);
        new FieldErrors()
            .When(proof.Version != latest, nameof(ProofDecision.Decision), $"Version {latest} replaced version {proof.Version}: answer the latest one.")
            .When(order.Status != OrderStatus.AwaitingProof, nameof(ProofDecision.Decision), $"Order {order.Number} is {OrderWorkflow.Describe(order.Status)}, not awaiting a proof.")
            .ThrowIfAny();

        var now = clock.GetUtcNow();
        var made = proof.Decide(decision, comment, caller.Actor, now);
        if (decision == ProofStatus.Approved)
            order.RecordProofApproval(proof, caller.Actor, now);
        await NotifyOwnersAsync(db, tenant, order, proof, made, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return made;
    }

    /// <summary>A proof's file, for the franchise or the order's own customer; null when the proof or its file is gone.</summary>
    public async Task<ProofContent?> OpenAsync(Guid orderId, Guid proofId, OrderCaller caller, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        await using var db = await contexts.CreateAsync(cancellationToken);
        if (!await db.Orders.Where(OrderService.Visible(caller)).AnyAsync(o => o.Id == orderId, cancellationToken))
            return null;
        var proof = await db.Proofs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proofId && p.OrderId == orderId, cancellationToken);
        if (proof is null)
            return null;
        var content = await files.OpenReadAsync(KeyOf(tenant.Id, proof), cancellationToken);
        return content is null ? null : new ProofContent(content, proof.ContentType, proof.FileName);
    }

    /// <summary>Under the tenant's id, by order and proof id: never the uploader's file name.</summary>
    private static string KeyOf(Guid tenantId, Proof proof) =>
        TenantFiles.Key(tenantId, $"proofs/{proof.OrderId:N}/{proof.Id:N}{ProofFile.Extension(proof.ContentType)}");

    private static async Task<Order> OrderOfAsync(TenantDbContext db, Guid orderId, OrderCaller caller, bool tracked, CancellationToken cancellationToken)
    {
        var orders = tracked ? db.Orders.Include(o => o.Lines).Include(o => o.StatusChanges).AsQueryable() : db.Orders.AsNoTracking();
        return await orders.Where(OrderService.Visible(caller)).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw OrderService.NotFound(orderId);
    }

    private async Task NotifyCustomerAsync(TenantDbContext db, Domain.Tenancy.TenantInfo tenant, Order order, Proof proof, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken);
        var portalEmail = customer.PortalUserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken)
            : null;
        // Without a portal user the organization's own address hears of it: the store can then take the answer by phone.
        var to = string.IsNullOrEmpty(portalEmail) ? customer.Email : portalEmail;
        if (string.IsNullOrEmpty(to))
            return;
        db.Enqueue(to, $"Proof {proof.Version} of your order {order.Number} is ready for review",
            $"""
            Hello,

            {tenant.DisplayName} sent version {proof.Version} of the design proof for order {order.Number} ({proof.FileName}).

            Please look at it and approve it, or tell us what to change:
            {links.For(tenant, OrderPaths.Portal(order.Id))}

            Your order goes into production once a proof is approved.
            """, now);
    }

    private async Task NotifyOwnersAsync(TenantDbContext db, Domain.Tenancy.TenantInfo tenant, Order order, Proof proof, ProofDecision decision,
        CancellationToken cancellationToken)
    {
        var owners = await db.Users.Where(u => u.Role == Role.Owner && u.LockoutEnd != PeopleService.DisabledUntil && u.Email != null)
            .Select(u => u.Email!).ToListAsync(cancellationToken);
        var customer = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.OrganizationName).SingleAsync(cancellationToken);
        var (subject, said) = decision.Decision == ProofStatus.Approved
            ? ($"Order {order.Number}: proof {proof.Version} approved", "approved the proof. The order is ready for production.")
            : ($"Order {order.Number}: changes requested on proof {proof.Version}", $"asked for changes:\n\n{decision.Comment}");
        foreach (var owner in owners)
            db.Enqueue(owner, subject,
                $"""
                {decision.DecidedBy.Name} ({customer}) {said}

                Order {order.Number}, proof version {proof.Version} ({proof.FileName}):
                {links.For(tenant, OrderPaths.Workspace(order.Id))}
                """, decision.DecidedAt);
    }
}
