namespace Candlefish.Web.Api;

/// <summary>
/// Page-number paging for list endpoints. One extra row is read to know whether a next page exists, so a list
/// costs one query, not a count and a page.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 100_000;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest? From(int? page, int? pageSize, out Dictionary<string, string[]>? errors)
    {
        errors = null;
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p is < 1 or > MaxPage)
            (errors ??= [])["page"] = [$"The page must be from 1 to {MaxPage}."];
        if (size is < 1 or > MaxPageSize)
            (errors ??= [])["pageSize"] = [$"The page size must be from 1 to {MaxPageSize}."];
        return errors is null ? new PageRequest(p, size) : null;
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int? NextPage)
{
    public static Page<T> From(List<T> rowsPlusOne, PageRequest request)
    {
        var hasMore = rowsPlusOne.Count > request.PageSize;
        if (hasMore)
            rowsPlusOne.RemoveAt(rowsPlusOne.Count - 1);
        return new Page<T>(rowsPlusOne, request.Page, request.PageSize, hasMore ? request.Page + 1 : null);
    }
}
