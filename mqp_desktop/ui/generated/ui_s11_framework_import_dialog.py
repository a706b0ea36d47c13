# Automatically generated - do not edit.
# Source: forms/s11_framework_import_dialog.ui (sha256 42c4b1f44760af51428f57b020432dc293a098c9e074129a2c32e507663461ae)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 's11_framework_import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTableView, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_S11FrameworkImportDialog(object):
    def setupUi(self, S11FrameworkImportDialog):
        if not S11FrameworkImportDialog.objectName():
            S11FrameworkImportDialog.setObjectName(u"S11FrameworkImportDialog")
        S11FrameworkImportDialog.resize(800, 560)
        self.mainLayout = QVBoxLayout(S11FrameworkImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(S11FrameworkImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.summaryLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(S11FrameworkImportDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(S11FrameworkImportDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.descriptionLabel = QLabel(S11FrameworkImportDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QLineEdit(S11FrameworkImportDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.mainLayout.addLayout(self.form)

        self.problemsCaption = QLabel(S11FrameworkImportDialog)
        self.problemsCaption.setObjectName(u"problemsCaption")

        self.mainLayout.addWidget(self.problemsCaption)

        self.problemsView = QTableView(S11FrameworkImportDialog)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsView.setWordWrap(True)

        self.mainLayout.addWidget(self.problemsView)

        self.previewCaption = QLabel(S11FrameworkImportDialog)
        self.previewCaption.setObjectName(u"previewCaption")

        self.mainLayout.addWidget(self.previewCaption)

        self.previewTree = QTreeWidget(S11FrameworkImportDialog)
        self.previewTree.setObjectName(u"previewTree")
        self.previewTree.setWordWrap(True)

        self.mainLayout.addWidget(self.previewTree)

        self.outcomeLabel = QLabel(S11FrameworkImportDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")
        self.outcomeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.outcomeLabel)

        self.errorLabel = QLabel(S11FrameworkImportDialog)
        self.errorLabel.setObjectName(u"errorLabel")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(S11FrameworkImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(S11FrameworkImportDialog)
        self.buttonBox.accepted.connect(S11FrameworkImportDialog.accept)
        self.buttonBox.rejected.connect(S11FrameworkImportDialog.reject)

        QMetaObject.connectSlotsByName(S11FrameworkImportDialog)
    # setupUi

    def retranslateUi(self, S11FrameworkImportDialog):
        S11FrameworkImportDialog.setWindowTitle(QCoreApplication.translate("S11FrameworkImportDialog", u"Import a framework from a spreadsheet", None))
        self.summaryLabel.setText("")
        self.nameLabel.setText(QCoreApplication.translate("S11FrameworkImportDialog", u"Framework &name:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("S11FrameworkImportDialog", u"&Description:", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("S11FrameworkImportDialog", u"optional", None))
        self.problemsCaption.setText(QCoreApplication.translate("S11FrameworkImportDialog", u"Problems, by spreadsheet row and column:", None))
        self.previewCaption.setText(QCoreApplication.translate("S11FrameworkImportDialog", u"Standards and sub-criteria in the file:", None))
        ___qtreewidgetitem = self.previewTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("S11FrameworkImportDialog", u"Standard or sub-criterion", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("S11FrameworkImportDialog", u"No.", None))
        self.outcomeLabel.setText("")
        self.errorLabel.setText("")
    # retranslateUi

