package io.latchkey.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;

/**
 * The JAX-RS resource methods of the built WAR, found the way the server finds them: the classes in
 * {@code WEB-INF/classes} with {@code @Path}, their methods with an HTTP method annotation, under the
 * {@code @ApplicationPath} of the application class. Read from the artifact the suites deploy, not
 * from a list kept by hand.
 */
public final class DeployedResources implements AutoCloseable {

    /** A resource method: HTTP method, path from the web module's root, and where it is declared. */
    public record ResourceMethod(String method, String path, boolean authenticated, String declaredBy) {
        @Override
        public String toString() {
            return method + " " + path + " (" + declaredBy + ")";
        }
    }

    private final Path unpacked;
    private final URLClassLoader loader;
    private final List<String> classNames;

    private DeployedResources(Path unpacked, URLClassLoader loader, List<String> classNames) {
        this.unpacked = unpacked;
        this.loader = loader;
        this.classNames = classNames;
    }

    /** Unpacks {@code war}'s classes and libraries; the test's own class path supplies the Jakarta APIs. */
    public static DeployedResources of(Path war) {
        try {
            Path unpacked = Files.createTempDirectory("latchkey-war-");
            List<URL> urls = new ArrayList<>();
            List<String> classNames = new ArrayList<>();
            // Created first: a directory's URI ends in "/" only when it exists, and URLClassLoader reads
            // a URL without one as a jar.
            Path classes = Files.createDirectories(unpacked.resolve("classes"));
            urls.add(classes.toUri().toURL());
            try (ZipFile zip = new ZipFile(war.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    Path target;
                    if (entry.isDirectory()) {
                        continue;
                    } else if (name.startsWith("WEB-INF/classes/")) {
                        String relative = name.substring("WEB-INF/classes/".length());
                        target = classes.resolve(relative);
                        if (relative.endsWith(".class") && !relative.contains("$")) {
                            classNames.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
                        }
                    } else if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                        target = unpacked.resolve("lib").resolve(name.substring("WEB-INF/lib/".length()));
                        urls.add(target.toUri().toURL());
                    } else {
                        continue;
                    }
                    if (!target.normalize().startsWith(unpacked)) {
                        throw new IllegalStateException("entry outside the archive: " + name);
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
            URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), DeployedResources.class.getClassLoader());
            return new DeployedResources(unpacked, loader, classNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class of the WAR (or its libraries), not initialised. */
    public Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("not in the WAR: " + name, e);
        }
    }

    /**
     * Every resource method, sorted. A class of WEB-INF/classes that cannot be loaded fails: it
     * might be a resource, and skipping it would hide an undocumented endpoint.
     */
    public List<ResourceMethod> resourceMethods() {
        String applicationPath = null;
        List<Class<?>> resources = new ArrayList<>();
        for (String name : classNames) {
            Class<?> type = load(name);
            if (type.isAnnotationPresent(ApplicationPath.class)) {
                if (applicationPath != null) {
                    throw new IllegalStateException("two JAX-RS applications in the WAR");
                }
                applicationPath = type.getAnnotation(ApplicationPath.class).value();
            }
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                resources.add(type);
            }
        }
        if (applicationPath == null) {
            throw new IllegalStateException("no @ApplicationPath class in the WAR");
        }
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> authenticated = (Class<? extends Annotation>) load("io.latchkey.web.api.security.Authenticated");
        TreeSet<ResourceMethod> methods = new TreeSet<>(java.util.Comparator.comparing(ResourceMethod::path).thenComparing(ResourceMethod::method));
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                String http = httpMethod(method);
                boolean hasPath = method.isAnnotationPresent(jakarta.ws.rs.Path.class);
                if (http == null && hasPath) {
                    throw new IllegalStateException("a sub-resource locator, which this check does not follow: " + method);
                }
                if (http == null) {
                    continue;
                }
                String path = join("/" + applicationPath, resource.getAnnotation(jakarta.ws.rs.Path.class).value(),
                        hasPath ? method.getAnnotation(jakarta.ws.rs.Path.class).value() : "");
                methods.add(new ResourceMethod(http, path,
                        resource.isAnnotationPresent(authenticated) || method.isAnnotationPresent(authenticated),
                        resource.getSimpleName() + "." + method.getName()));
            }
        }
        return List.copyOf(methods);
    }

    private static String httpMethod(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins path segments with single slashes; a template's regular expression ({id: [0-9]+}) is dropped. */
    static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    path.append('/').append(segment.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}"));
                }
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    @Override
    public void close() throws IOException {
        loader.close();
        try (var files = Files.walk(unpacked)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
