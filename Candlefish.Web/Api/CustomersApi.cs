using Candlefish.Domain.CrownTrophy.Customers;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.CrownTrophy.Customers;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>The Crown Trophy customers (organizations and their contacts): seen by whoever sees orders, changed by whoever takes them.</summary>
public static class CustomersApi
{
    public sealed record CustomerSummary(Guid Id, string OrganizationName, string Email, string Phone, string? PriceGroupName, int Contacts, int Orders);

    public sealed record ContactResponse(Guid Id, string Name, string Email, string Phone, string Role);

    public sealed record CustomerResponse(
        Guid Id, string OrganizationName, string Email, string Phone, string BillingAddress, string Notes, Guid? PriceGroupId,
        IReadOnlyList<ContactResponse> Contacts);

    /// <summary>
    /// A customer to create or the whole of one to change. <see cref="Contacts"/> is the full list (a contact with an
    /// id is changed, without one added, one left out removed); left out altogether, the contacts stay as they are.
    /// </summary>
    public sealed record CustomerRequest(
        string? OrganizationName, string? Email, string? Phone, string? BillingAddress, string? Notes, Guid? PriceGroupId,
        IReadOnlyList<ContactInput>? Contacts);

    public static RouteGroupBuilder MapCustomersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers").RequireTenantData().RequireProduct(Products.CrownTrophy)
            .ProducesValidationProblem();

        group.MapGet("/", ListCustomers)
            .WithName("ListCustomers")
            .WithSummary("The customers by organization name, a page at a time; search matches name, email, phone or a contact")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapGet("/{id:guid}", GetCustomer)
            .WithName("GetCustomer")
            .WithSummary("One customer with its contacts")
            .RequireAuthorization(Permissions.ViewOrders);

        group.MapPost("/", CreateCustomer)
            .WithName("CreateCustomer")
            .WithSummary("Adds a customer, with its contacts")
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<CustomerRequest>();

        group.MapPut("/{id:guid}", UpdateCustomer)
            .WithName("UpdateCustomer")
            .WithSummary("Changes a customer (the whole of it; contacts as described on the request)")
            .RequireAuthorization(Permissions.EditOrders)
            .AcceptsJsonBody<CustomerRequest>();

        return group;
    }

    internal static async Task<Results<Ok<Page<CustomerSummary>>, ValidationProblem>> ListCustomers(
        CustomerService customers, int? page, int? pageSize, string? search, CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);
        var rows = await customers.ListAsync(search, request.Skip, request.PageSize + 1, cancellationToken);
        return TypedResults.Ok(Page<CustomerSummary>.From(rows.Select(r =>
            new CustomerSummary(r.Id, r.OrganizationName, r.Email, r.Phone, r.PriceGroupName, r.Contacts, r.Orders)).ToList(), request));
    }

    internal static async Task<Results<Ok<CustomerResponse>, ProblemHttpResult>> GetCustomer(
        CustomerService customers, Guid id, CancellationToken cancellationToken) =>
        await customers.GetAsync(id, cancellationToken) is { } customer ? TypedResults.Ok(ToResponse(customer)) : ApiResults.NotFound("customer", id);

    internal static Task<Results<Created<CustomerResponse>, ValidationProblem>> CreateCustomer(
        CustomerService customers, CustomerRequest? body, CancellationToken cancellationToken) =>
        ApiResults.CreateAsync(body, "customer", "/api/v1/customers", async () =>
        {
            var customer = await customers.CreateAsync(ToInput(body!), cancellationToken);
            return (customer.Id, ToResponse(customer));
        });

    internal static Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> UpdateCustomer(
        CustomerService customers, Guid id, CustomerRequest? body, CancellationToken cancellationToken) =>
        ApiResults.UpdateAsync(body, "customer", id,
            async () => await customers.GetAsync(id, cancellationToken) is not null,
            async () => ToResponse(await customers.UpdateAsync(id, ToInput(body!), cancellationToken)));

    private static CustomerInput ToInput(CustomerRequest body) =>
        new(body.OrganizationName ?? "", body.Email, body.Phone, body.BillingAddress, body.Notes, body.PriceGroupId, body.Contacts);

    private static CustomerResponse ToResponse(Customer c) =>
        new(c.Id, c.OrganizationName, c.Email, c.Phone, c.BillingAddress, c.Notes, c.PriceGroupId,
            c.Contacts.OrderBy(k => k.Id).Select(k => new ContactResponse(k.Id, k.Name, k.Email, k.Phone, k.Role)).ToList());
}
