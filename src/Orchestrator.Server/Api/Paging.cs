using Orchestrator.Incidents.Errors;

namespace Orchestrator.Server.Api;

/// <summary>Validates <c>?page=&amp;pageSize=</c>: page from 1, page size 1–200 (default 20).</summary>
internal static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static (int Page, int PageSize) Read(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            throw new InvalidFieldException("page", "page starts at 1.");
        }

        return size is < 1 or > MaxPageSize
            ? throw new InvalidFieldException("pageSize", $"pageSize must be between 1 and {MaxPageSize}.")
            : (p, size);
    }
}
