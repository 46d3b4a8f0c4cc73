using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>Whether a type has a given full name, compared part by part (no display string is formatted for the question).</summary>
    internal static class TypeNames
    {
        /// <summary><c>Is(type, "System.Runtime.InteropServices.OSPlatform")</c>: a top-level type of that namespace and name.</summary>
        public static bool Is(ITypeSymbol? type, string fullName)
        {
            if (type == null)
            {
                return false;
            }

            var dot = fullName.LastIndexOf('.');
            if (type.ContainingType != null || !string.Equals(type.Name, fullName.Substring(dot + 1), System.StringComparison.Ordinal))
            {
                return false;
            }

            var end = dot;
            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (end <= 0)
                {
                    // The name is used up and the type sits in a further namespace.
                    return false;
                }

                var start = fullName.LastIndexOf('.', end - 1) + 1;
                if (end - start != ns.Name.Length || string.CompareOrdinal(fullName, start, ns.Name, 0, ns.Name.Length) != 0)
                {
                    return false;
                }

                end = start - 1;
            }

            return end < 0;
        }
    }
}
