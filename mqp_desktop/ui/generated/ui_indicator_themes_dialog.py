# Automatically generated - do not edit.
# Source: forms/indicator_themes_dialog.ui (sha256 26cd54f56b2024a44f2df144c979c985d257ca7fb97bca8c3921197e4fffedee)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'indicator_themes_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ThemesDialog(object):
    def setupUi(self, ThemesDialog):
        if not ThemesDialog.objectName():
            ThemesDialog.setObjectName(u"ThemesDialog")
        ThemesDialog.resize(520, 380)
        ThemesDialog.setMinimumSize(QSize(440, 0))
        self.mainLayout = QVBoxLayout(ThemesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ThemesDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.themesList = QListWidget(ThemesDialog)
        self.themesList.setObjectName(u"themesList")
        self.themesList.setMinimumSize(QSize(0, 140))

        self.mainLayout.addWidget(self.themesList)

        self.nameForm = QFormLayout()
        self.nameForm.setObjectName(u"nameForm")
        self.nameForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(ThemesDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.nameForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ThemesDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.mainLayout.addLayout(self.nameForm)

        self.themeButtons = QHBoxLayout()
        self.themeButtons.setObjectName(u"themeButtons")
        self.addButton = QPushButton(ThemesDialog)
        self.addButton.setObjectName(u"addButton")

        self.themeButtons.addWidget(self.addButton)

        self.renameButton = QPushButton(ThemesDialog)
        self.renameButton.setObjectName(u"renameButton")

        self.themeButtons.addWidget(self.renameButton)

        self.retireButton = QPushButton(ThemesDialog)
        self.retireButton.setObjectName(u"retireButton")

        self.themeButtons.addWidget(self.retireButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.themeButtons.addItem(self.buttonsSpacer)


        self.mainLayout.addLayout(self.themeButtons)

        self.errorLabel = QLabel(ThemesDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ThemesDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.themesList, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.renameButton)
        QWidget.setTabOrder(self.renameButton, self.retireButton)
        QWidget.setTabOrder(self.retireButton, self.buttonBox)

        self.retranslateUi(ThemesDialog)
        self.buttonBox.rejected.connect(ThemesDialog.reject)

        QMetaObject.connectSlotsByName(ThemesDialog)
    # setupUi

    def retranslateUi(self, ThemesDialog):
        ThemesDialog.setWindowTitle(QCoreApplication.translate("ThemesDialog", u"Themes", None))
        self.introLabel.setText(QCoreApplication.translate("ThemesDialog", u"The themes the dataset is reported under, in order. A theme is retired, never deleted, and only once no indicator in use is filed under it.", None))
#if QT_CONFIG(tooltip)
        self.themesList.setToolTip(QCoreApplication.translate("ThemesDialog", u"The themes (retired ones shown greyed)", None))
#endif // QT_CONFIG(tooltip)
        self.nameLabel.setText(QCoreApplication.translate("ThemesDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ThemesDialog", u"The theme's name", None))
        self.addButton.setText(QCoreApplication.translate("ThemesDialog", u"&Add as a new theme", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("ThemesDialog", u"Add a theme with the name typed above, at the end", None))
#endif // QT_CONFIG(tooltip)
        self.renameButton.setText(QCoreApplication.translate("ThemesDialog", u"&Rename", None))
#if QT_CONFIG(tooltip)
        self.renameButton.setToolTip(QCoreApplication.translate("ThemesDialog", u"Give the chosen theme the name typed above", None))
#endif // QT_CONFIG(tooltip)
        self.retireButton.setText(QCoreApplication.translate("ThemesDialog", u"Re&tire", None))
#if QT_CONFIG(tooltip)
        self.retireButton.setToolTip(QCoreApplication.translate("ThemesDialog", u"Retire the chosen theme (it is kept with its indicators' history)", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

