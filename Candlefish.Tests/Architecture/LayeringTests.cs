using System.Reflection;
using Candlefish.Domain.Tenancy;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Candlefish.Tests.Architecture;

/// <summary>The dependency rules of DESIGN.md, checked on the compiled assemblies.</summary>
public class LayeringTests
{
    private static readonly Assembly Domain = typeof(Tenant).Assembly;
    private static readonly Assembly Infrastructure = typeof(Candlefish.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Candlefish.Web.DependencyInjection).Assembly;

    [Fact]
    public void The_domain_references_neither_ef_nor_aspnet_nor_the_outer_layers()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore") || r.StartsWith("Microsoft.AspNetCore") || r.StartsWith("Npgsql"));
        Assert.DoesNotContain(references, r => r.StartsWith("Candlefish."));
    }

    [Fact]
    public void Infrastructure_does_not_reference_the_web_project() =>
        Assert.DoesNotContain(Infrastructure.GetReferencedAssemblies(), a => a.Name == Web.GetName().Name);

    /// <summary>Blazor circuits are not HTTP requests: a component reads the tenant from the tenant accessor.</summary>
    [Fact]
    public void No_component_injects_the_http_context_accessor()
    {
        var offenders =
            from type in Web.GetTypes()
            where typeof(ComponentBase).IsAssignableFrom(type)
            from property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            where property.GetCustomAttribute<InjectAttribute>() is not null && property.PropertyType == typeof(IHttpContextAccessor)
            select $"{type.Name}.{property.Name}";

        Assert.Empty(offenders);
    }

    /// <summary>NavigationManager.BaseUri is what the client says the address is: never a source of the tenant.</summary>
    [Fact]
    public void No_web_source_reads_the_navigation_base_uri()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Candlefish.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        var sources = Directory.EnumerateFiles(Path.Combine(root.FullName, "Candlefish.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".razor")) && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .ToList();

        var offenders = sources.Where(f => File.ReadAllText(f).Contains("BaseUri")).Select(Path.GetFileName);

        Assert.NotEmpty(sources);
        Assert.Empty(offenders);
    }

    [Fact]
    public void No_web_type_depends_on_the_http_context_accessor()
    {
        var offenders =
            from type in Web.GetTypes()
            from constructor in type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            from parameter in constructor.GetParameters()
            where parameter.ParameterType == typeof(IHttpContextAccessor)
            select type.FullName;

        Assert.Empty(offenders);
    }
}
