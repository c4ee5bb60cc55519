using System.Text.Json;
using Candlefish.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Candlefish.Web.Api;

/// <summary>
/// How the API's writing endpoints answer: a domain rule's field errors as an RFC 7807 validation problem (400),
/// keyed the way the JSON names the fields (<c>Sku</c> → <c>sku</c>, <c>Contacts[0].Email</c> → <c>contacts[0].email</c>);
/// a missing body as one too; an id the tenant does not have as a 404 problem.
/// </summary>
public static class ApiResults
{
    public static ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => JsonName(e.Key), e => e.Value));

    public static ValidationProblem MissingBody(string what) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [$"Send the {what} as JSON in the request body."] });

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what} {id}.");

    /// <summary>Creates one <paramref name="what"/> from the body: 201 with its address, or 400 with field errors.</summary>
    public static async Task<Results<Created<TResponse>, ValidationProblem>> CreateAsync<TResponse>(
        object? body, string what, string collection, Func<Task<(Guid Id, TResponse Response)>> create)
    {
        if (body is null)
            return MissingBody(what);
        try
        {
            var (id, response) = await create();
            return TypedResults.Created($"{collection}/{id}", response);
        }
        catch (DomainValidationException e)
        {
            return Problem(e.Errors);
        }
    }

    /// <summary>
    /// Changes one <paramref name="what"/> from the body: 200 with it, 400 with field errors, or 404 when the tenant has
    /// no such id (another tenant's id included), whatever the body was.
    /// </summary>
    public static async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync<TResponse>(
        object? body, string what, Guid id, Func<Task<bool>> exists, Func<Task<TResponse>> update)
    {
        try
        {
            if (body is null)
                return await exists() ? MissingBody(what) : NotFound(what, id);
            return TypedResults.Ok(await update());
        }
        catch (KeyNotFoundException)
        {
            return NotFound(what, id);
        }
        catch (DomainValidationException e)
        {
            return Problem(e.Errors);
        }
    }

    /// <summary>
    /// A printed document (<paramref name="print"/> gives its bytes and file name) sent inline, so the page's button opens
    /// it in a tab and its name is kept for saving; an id the tenant does not have is a 404 problem.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> InlinePdfAsync(
        HttpContext http, string what, Guid id, Func<Task<(byte[] Content, string FileName)>> print)
    {
        try
        {
            var (content, fileName) = await print();
            http.Response.Headers.ContentDisposition =
                new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = fileName }.ToString();
            return TypedResults.File(content, "application/pdf");
        }
        catch (KeyNotFoundException)
        {
            return NotFound(what, id);
        }
    }

    /// <summary>
    /// For an endpoint that reads a JSON body: a request without a Content-Type still reaches it (and its
    /// authorization, its 404 for another tenant's id, its 400 for a missing body) instead of the <c>/api</c>
    /// catch-all's 404. Routing sends such a request only to endpoints that accept <c>*/*</c> when the catch-all is a
    /// candidate (AcceptsMatcherPolicy); a body of another type is still refused with 415 when it is read.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJsonBody<TBody>(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new AcceptsMetadata(["application/json", "*/*"], typeof(TBody), isOptional: true));

    private static string JsonName(string field) =>
        string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
