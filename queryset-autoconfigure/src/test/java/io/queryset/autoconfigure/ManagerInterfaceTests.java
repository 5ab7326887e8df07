package io.queryset.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Manager;
import io.queryset.autoconfigure.catalog.Essay;
import io.queryset.autoconfigure.catalog.EssayArchive;
import io.queryset.autoconfigure.catalog.EssayReader;
import io.queryset.autoconfigure.catalog.Poem;
import io.queryset.autoconfigure.catalog.PoemManager;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.javapoet.ClassName;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application interfaces extending {@code Manager<T>} become beans whose default methods are the queries. */
class ManagerInterfaceTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    QuerySetDataSourceAutoConfiguration.class, QuerySetAutoConfiguration.class))
            .withPropertyValues("queryset.packages=io.queryset.autoconfigure.catalog", "queryset.schema.create=true");

    @Test
    void aManagerInterfaceIsABeanWhoseDefaultMethodsRunOnBothSides() {
        runner.withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:poems;DB_CLOSE_DELAY=-1",
                        "spring.r2dbc.url=r2dbc:h2:mem:///poems?options=DB_CLOSE_DELAY=-1", "spring.r2dbc.username=sa")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(PoemManager.class);
                    PoemManager poems = context.getBean(PoemManager.class);
                    poems.create(new Poem(null, "Ozymandias", 14));
                    poems.create(new Poem(null, "Haiku", 3));
                    poems.create(new Poem(null, "The Raven", 108));

                    assertThat(poems.shorterThan(20).valuesList(String.class, "title").list())
                            .containsExactly("Haiku", "Ozymandias");
                    assertThat(poems.sonnets().acount().block()).isEqualTo(1L);
                    assertThat(poems.shorterThan(20).alist().block()).extracting(Poem::title)
                            .containsExactly("Haiku", "Ozymandias");
                    assertThat(poems.model()).isEqualTo(Poem.class);
                    assertThat(poems.toString()).startsWith("PoemManager(");
                    assertThat(poems).isEqualTo(poems).isNotEqualTo(context.getBean("essayReader"));
                });
    }

    @Test
    void theInterfaceIsAlsoWhatManagerOfItsModelInjects() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:poemInjection;DB_CLOSE_DELAY=-1")
                .withUserConfiguration(PoemReaderConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PoemReader.class).poems()).isSameAs(context.getBean(PoemManager.class));
                    assertThat(context.getBeanNamesForType(PoemManager.class)).containsExactly("poemManager");
                });
    }

    @Test
    void aModelWithSeveralInterfacesKeepsThePlainManagerAsPrimary() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:essays;DB_CLOSE_DELAY=-1")
                .withUserConfiguration(EssayReaderConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    EssayArchive archive = context.getBean(EssayArchive.class);
                    archive.create(new Essay(null, "On Liberty"));
                    assertThat(archive.titled("On").count()).isEqualTo(1L);
                    assertThat(context.getBean(EssayReader.class).hasTitle("On Liberty")).isTrue();
                    Manager<Essay> plain = context.getBean(EssayUser.class).essays();
                    assertThat(plain).isNotInstanceOf(EssayArchive.class).isNotInstanceOf(EssayReader.class);
                    assertThat(plain.count()).isEqualTo(1L);
                });
    }

    @Test
    void aUserDefinedImplementationOfTheInterfaceWins() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:poemUser;DB_CLOSE_DELAY=-1")
                .withBean("myPoems", PoemManager.class, () -> null)
                .run(context -> assertThat(context.getBeanNamesForType(PoemManager.class)).containsExactly("myPoems"));
    }

    @Test
    void anAbstractQueryMethodFailsStartUpNamingIt() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:leaflets;DB_CLOSE_DELAY=-1",
                        "queryset.packages=io.queryset.fixtures.brokenmanager")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("io.queryset.fixtures.brokenmanager.LeafletManager declares abstract methods "
                                + "[findByTitle(String)]")
                        .hasMessageContaining("default methods"));
    }

    @Test
    void aheadOfTimeProcessingRegistersAProxyHintForEachInterface() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:poemsAot;DB_CLOSE_DELAY=-1").run(context -> {
            BeanFactoryInitializationAotContribution contribution =
                    new ManagerInterfaceAotProcessor().processAheadOfTime(context.getBeanFactory());
            assertThat(contribution).isNotNull();
            DefaultGenerationContext generation = new DefaultGenerationContext(
                    new ClassNameGenerator(ClassName.get("io.queryset.aot", "Test")), new InMemoryGeneratedFiles());
            contribution.applyTo(generation, null);
            RuntimeHints hints = generation.getRuntimeHints();
            assertThat(RuntimeHintsPredicates.proxies().forInterfaces(PoemManager.class)).accepts(hints);
            assertThat(RuntimeHintsPredicates.proxies().forInterfaces(EssayArchive.class)).accepts(hints);
            assertThat(RuntimeHintsPredicates.reflection().onType(PoemManager.class)).accepts(hints);
        });
    }

    /** Needs the manager of poems by its generic type. */
    record PoemReader(Manager<Poem> poems) {
    }

    /** Needs the manager of essays by its generic type. */
    record EssayUser(Manager<Essay> essays) {
    }

    @Configuration(proxyBeanMethods = false)
    static class PoemReaderConfiguration {
        @Bean
        PoemReader poemReader(Manager<Poem> poems) {
            return new PoemReader(poems);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EssayReaderConfiguration {
        @Bean
        EssayUser essayUser(Manager<Essay> essays) {
            return new EssayUser(essays);
        }
    }

}
