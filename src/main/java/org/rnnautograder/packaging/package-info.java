/**
 * Getting the autograder into a course: exporting a standalone student repository with the autograder vendored in
 * a file-based Maven repository ({@link org.rnnautograder.packaging.TemplateExporter}), and building a Gradescope
 * autograder zip ({@link org.rnnautograder.packaging.GradescopePackager}). Plain file work: it depends on no other
 * package of the autograder (the CLI passes in versions and paths).
 */
package org.rnnautograder.packaging;
